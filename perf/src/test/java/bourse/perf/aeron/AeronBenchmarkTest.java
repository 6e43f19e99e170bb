package bourse.perf.aeron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AeronBenchmarkTest
{
    @TempDir
    Path parent;

    @Test
    void shouldMeasureOrdersAgainstThePingPongAndLeaveNothingBehind() throws IOException
    {
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final AeronBenchmarkResult result = AeronBenchmark.run(new AeronBenchmark.Config()
            .ratePerSecond(20_000)
            .latencyRequests(2_000)
            .warmupRequests(500)
            .throughputOrders(20_000)
            .parentDirectory(parent), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.latency().count()).isEqualTo(2_000);
        assertThat(result.baseline().count()).isEqualTo(2_000);
        assertThat(result.latency().p50Ns()).isPositive();
        assertThat(result.baseline().p50Ns()).isPositive();
        assertThat(result.p50RatioToBaseline()).isPositive().isFinite();
        assertThat(result.p99RatioToBaseline()).isPositive().isFinite();
        assertThat(result.throughputOpsPerSec()).isPositive();
        assertThat(result.baselineThroughputOpsPerSec()).isPositive();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("round 50/50 at 20,000/s", "order commands answered", "pings answered");
        assertThat(result.toText()).contains("orders", "ping-pong", "ratio", "throughput");
        try (Stream<Path> left = Files.list(parent))
        {
            assertThat(left).as("the journal is deleted").isEmpty();
        }

        final JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertThat(fieldNames(json)).startsWith("benchmark", "throughputOpsPerSec", "latencyNs", "baselineLatencyNs",
            "p50RatioToBaseline", "p99RatioToBaseline").endsWith("javaVersion", "cores", "cpu", "date", "loadAverage", "jvmArguments");
        assertThat(json.get("benchmark").asText()).isEqualTo("aeron");
        for (final String percentiles : List.of("latencyNs", "baselineLatencyNs"))
        {
            assertThat(fieldNames(json.get(percentiles))).containsExactly("p50", "p90", "p99", "p999", "p9999", "max");
        }
        assertThat(json.get("messageLength").asInt()).isEqualTo(OrderRoundTrips.orderMessageLength());
    }

    @Test
    void shouldRefuseAConfigurationThatCannotRun()
    {
        assertThatThrownBy(() -> new AeronBenchmark.Config().ratePerSecond(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates");
        assertThatThrownBy(() -> new AeronBenchmark.Config().latencyRequests(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyRequests");
        assertThatThrownBy(() -> new AeronBenchmark.Config().window(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
