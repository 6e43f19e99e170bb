package bourse.perf.grpc;

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

class GrpcBenchmarkTest
{
    @TempDir
    Path parent;

    @Test
    void shouldMeasureSessionAndUnaryOrdersAgainstThePingPongWithoutARejectAndLeaveNothingBehind() throws IOException
    {
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final GrpcBenchmarkResult result = GrpcBenchmark.run(new GrpcBenchmark.Config()
            .ratePerSecond(20_000)
            .latencyRequests(1_500)
            .rounds(3)
            .warmupRequests(200)
            .throughputOrders(4_000)
            .window(32)
            .streams(4)
            .parentDirectory(parent), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.latency().count()).isEqualTo(1_500);
        assertThat(result.unaryLatency().count()).isEqualTo(1_500);
        assertThat(result.baseline().count()).isEqualTo(1_500);
        assertThat(result.latency().p50Ns()).isPositive();
        assertThat(result.p50RatioToBaseline()).isPositive().isFinite();
        assertThat(result.throughputOpsPerSec()).isPositive();
        assertThat(result.baselineThroughputOpsPerSec()).isPositive();
        assertThat(result.measuredRefusals()).as("the orders trade without a reject or a refusal").isZero();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("round 3/3 at 20,000/s", "orders acknowledged", "pings answered");
        assertThat(result.toText()).contains("session", "unary", "ping-pong", "ratio", "throughput").doesNotContain("REFUSED");
        try (Stream<Path> left = Files.list(parent))
        {
            assertThat(left).as("the journal is deleted").isEmpty();
        }

        final JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertThat(fieldNames(json)).startsWith("benchmark", "throughputOpsPerSec", "latencyNs", "unaryLatencyNs",
            "baselineLatencyNs", "p50RatioToBaseline", "p99RatioToBaseline")
            .endsWith("javaVersion", "cores", "cpu", "date", "loadAverage", "jvmArguments");
        assertThat(json.get("benchmark").asText()).isEqualTo("grpc");
        assertThat(json.get("rejects").asLong()).isZero();
        assertThat(json.get("errors").asLong()).isZero();
        final JsonNode sizes = json.get("messageBytes");
        assertThat(sizes.get("makerRequest").asInt()).as("a session submit is tens of bytes").isBetween(20, 200);
        assertThat(sizes.get("makerResponse").asInt()).as("an execution report, larger").isGreaterThan(sizes.get("makerRequest").asInt());
    }

    @Test
    void shouldRefuseAConfigurationThatCannotRun()
    {
        assertThatThrownBy(() -> new GrpcBenchmark.Config().streams(3).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streams must be even");
        assertThatThrownBy(() -> new GrpcBenchmark.Config().streams(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streams");
        assertThatThrownBy(() -> new GrpcBenchmark.Config().ratePerSecond(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates");
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
