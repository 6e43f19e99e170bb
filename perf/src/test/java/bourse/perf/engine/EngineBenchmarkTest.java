package bourse.perf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineBenchmarkTest
{
    private static EngineBenchmarkResult tinyRun(final ByteArrayOutputStream progress)
    {
        return EngineBenchmark.run(new EngineBenchmark.Config()
            .seed(5)
            .commands(20_000)
            .warmupPasses(1)
            .measuredPasses(3)
            .offeredRates(1_000_000, 3_000_000)
            .conclude(), new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldReportExactlyTheDocumentedJsonKeys() throws Exception
    {
        final EngineBenchmarkResult result = tinyRun(new ByteArrayOutputStream());

        final JsonNode json = new ObjectMapper().readTree(result.toJson());

        assertThat(fieldNames(json)).containsExactly(
            "benchmark", "throughputOpsPerSec", "latencyNs", "serviceNs", "idleLoopNs", "commands", "rejects", "restingOrders", "priceLevels",
            "seed", "javaVersion", "cores", "cpu", "date", "loadAverage", "jvmArguments");
        assertThat(json.get("benchmark").asText()).isEqualTo("engine");
        assertThat(json.get("throughputOpsPerSec").asDouble()).isPositive();
        assertThat(json.get("commands").asLong()).isEqualTo(20_000);
        assertThat(fieldNames(json.get("latencyNs"))).containsExactly("1000000", "3000000");
        for (final String percentiles : List.of("latencyNs", "serviceNs", "idleLoopNs"))
        {
            assertThat(fieldNames(json.get(percentiles))).containsExactly("1000000", "3000000");
            for (final JsonNode latency : json.get(percentiles))
            {
                assertThat(fieldNames(latency)).containsExactly("p50", "p90", "p99", "p999", "p9999", "max");
                assertThat(latency.get("p50").asLong()).isNotNegative().isLessThanOrEqualTo(latency.get("max").asLong());
            }
        }
        assertThat(json.get("latencyNs").get("1000000").get("p50").asLong()).isPositive();
        assertThat(json.get("cores").asInt()).isPositive();
        assertThat(json.get("jvmArguments").isArray()).isTrue();
    }

    @Test
    void shouldReportMedianThroughputAndWriteProgressAndATable()
    {
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final EngineBenchmarkResult result = tinyRun(progress);

        assertThat(result.throughputOpsPerSec()).isEqualTo(EngineBenchmark.median(result.passesOpsPerSec()));
        assertThat(result.passesOpsPerSec()).hasSize(3);
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("warm-up pass 1/1", "measured pass 3/3", "latency at 3,000,000/s");
        assertThat(result.toText()).contains("commands/s", "p99.99", "1,000,000", "3,000,000");
    }

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheTwoMiddleValues()
    {
        assertThat(EngineBenchmark.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(EngineBenchmark.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseAConfigurationThatCannotRun()
    {
        assertThatThrownBy(() -> new EngineBenchmark.Config().commands(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commands");
        assertThatThrownBy(() -> new EngineBenchmark.Config().measuredPasses(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measuredPasses");
        assertThatThrownBy(() -> new EngineBenchmark.Config().warmupPasses(-1).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmupPasses");
        assertThatThrownBy(() -> new EngineBenchmark.Config().offeredRates(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offered rates");
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
