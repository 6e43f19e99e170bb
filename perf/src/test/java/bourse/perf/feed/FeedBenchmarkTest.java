package bourse.perf.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedBenchmarkTest
{
    private static final int LATENCY_BATCHES = 2_000;

    @Test
    void shouldMeasureThroughputAndLatencyThroughTheRealFeedAndLeaveNothingBehind() throws IOException
    {
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();

        final FeedBenchmarkResult result = FeedBenchmark.run(new FeedBenchmark.Config()
            .commands(20_000)
            .warmupPasses(1)
            .measuredPasses(3)
            .ratePerSecond(20_000)
            .latencyBatches(LATENCY_BATCHES)
            .warmupBatches(500), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.throughputEventsPerSec()).isPositive();
        assertThat(result.publishedThroughputEventsPerSec()).isPositive();
        // Every batch is measured but the rare IOC that finds nothing to take, which changes no book.
        assertThat(result.latency().count()).isBetween(LATENCY_BATCHES * 98L / 100, (long)LATENCY_BATCHES);
        assertThat(result.latency().p50Ns()).isPositive().isLessThanOrEqualTo(result.latency().maxNs());
        assertThat(progress.toString(StandardCharsets.UTF_8))
            .contains("derive and encode, measured pass 3/3", "derive, encode and publish, measured pass 3/3",
                "latency at 20,000/s, 2,000 of 2,000 batches");
        assertThat(result.toText()).contains("engine events/s derived and encoded", "book update", "published late", "to the book");
        assertThat(aeronDirectories()).as("the media driver's directory is deleted").isEmpty();

        final JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertThat(fieldNames(json)).startsWith("benchmark", "throughputEventsPerSec", "latencyNs", "publishedThroughputEventsPerSec")
            .endsWith("javaVersion", "cores", "cpu", "date", "loadAverage", "jvmArguments");
        assertThat(json.get("benchmark").asText()).isEqualTo("feed");
        assertThat(fieldNames(json.get("latencyNs"))).containsExactly("p50", "p90", "p99", "p999", "p9999", "max");
        assertThat(json.get("passesEventsPerSec")).hasSize(3);
        assertThat(json.get("batches").asLong()).isEqualTo(20_000);
        assertThat(json.get("events").asLong()).isGreaterThan(json.get("appliedEvents").asLong()).isGreaterThan(20_000);
        final JsonNode client = json.get("client");
        assertThat(client.get("missedIncrementals").asLong()).isZero();
        assertThat(client.get("instrumentGaps").asLong()).isZero();
        assertThat(client.get("checksumMismatches").asLong()).isZero();
    }

    @Test
    void shouldRefuseAConfigurationThatCannotRun()
    {
        assertThatThrownBy(() -> new FeedBenchmark.Config().ratePerSecond(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates");
        assertThatThrownBy(() -> new FeedBenchmark.Config().commands(1_000).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 1000 commands");
        assertThatThrownBy(() -> new FeedBenchmark.Config().measuredPasses(0).conclude())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measuredPasses");
        assertThatThrownBy(() -> new FeedBenchmark.Config().publishChannel("udp://nowhere").conclude())
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> aeronDirectories()
    {
        final String[] names = new File("/dev/shm").list((dir, name) -> name.startsWith("bourse-feed-bench-" + ProcessHandle.current().pid()));
        return names == null ? List.of() : Arrays.asList(names);
    }

    private static List<String> fieldNames(final JsonNode node)
    {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
