package bourse.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchFeedCommandTest
{
    @Test
    void shouldPrintExactlyOneJsonObjectWithPlausibleFigures() throws Exception
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "feed", "--json",
            "--commands", "20000", "--warmup", "1", "--passes", "1", "--batches", "2000", "--warmup-batches", "500", "--rate", "20000");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(1);
        final JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("benchmark").asText()).isEqualTo("feed");
        // Hundreds of thousands of events a second at the very least, even cold and on a busy machine.
        assertThat(json.get("throughputEventsPerSec").asLong()).isGreaterThan(100_000);
        assertThat(json.get("publishedThroughputEventsPerSec").asLong()).isGreaterThan(100_000);
        final JsonNode latency = json.get("latencyNs");
        for (final String key : List.of("p50", "p90", "p99", "p999", "p9999", "max"))
        {
            assertThat(latency.get(key).asLong()).as(key).isPositive();
        }
        assertThat(latency.get("p50").asLong()).isLessThanOrEqualTo(latency.get("p99").asLong())
            .isLessThanOrEqualTo(latency.get("max").asLong());
        // Through two Aeron hops and three threads, but in less than a second at the median.
        assertThat(latency.get("p50").asLong()).isLessThan(1_000_000_000L);
        assertThat(json.get("measuredBatches").asLong()).isBetween(1_960L, 2_000L);
        assertThat(json.get("client").get("instrumentGaps").asLong()).isZero();
        assertThat(json.get("cores").asInt()).isPositive();
        assertThat(json.get("loadAverage").isNumber()).isTrue();
    }

    @Test
    void shouldTakeItsDefaultsFromTheBenchmark()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "feed", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--rate", "default: 10000", "--commands", "default: 1000000", "--publish-channel",
            "fc=min");
    }

    @Test
    void shouldRefuseMoreLatencyBatchesThanTheWorkloadHas()
    {
        final CommandRunner.Result result = CommandRunner.run("bench", "feed", "--commands", "1000", "--batches", "5000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("more than the 1000 commands");
    }
}
