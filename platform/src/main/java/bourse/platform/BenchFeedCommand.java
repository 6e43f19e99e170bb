package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.feed.FeedBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code bourse bench feed}: the perf module's market-data feed benchmark (the engine's events for the
 * exchange-core mix replayed into the feed's derivation as fast as it goes, then through an Aeron
 * publication; and the latency from an engine batch to a client's book update through the real feed
 * and client on an embedded media driver).
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmarks the market-data feed: engine events/s derived and published on one",
        "thread, and open-loop latency from an engine event to a client's book update."},
    defaultValueProvider = BenchFeedCommand.Defaults.class)
final class BenchFeedCommand extends BenchSubcommand
{
    @Mixin
    private BenchWorkloadOptions workload;

    @Option(names = "--no-publish", description = "Skip the throughput passes through an Aeron publication.")
    private boolean noPublish;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
        description = "Engine batches offered per second in the open-loop latency runs (default: ${DEFAULT-VALUE}).")
    private long ratePerSecond;

    @Option(names = "--batches", paramLabel = "N",
        description = "Engine batches measured open loop (default: ${DEFAULT-VALUE}).")
    private int latencyBatches;

    @Option(names = "--warmup-batches", paramLabel = "N",
        description = "Engine batches published open loop before the measured ones; 0 skips (default: ${DEFAULT-VALUE}).")
    private int warmupBatches;

    @Option(names = "--event-channel", paramLabel = "URI",
        description = "Shape of the engine's event channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String eventChannel;

    @Option(names = "--incremental-channel", paramLabel = "URI",
        description = "Shape of the feed's incremental channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String incrementalChannel;

    @Option(names = "--snapshot-channel", paramLabel = "URI",
        description = "Shape of the feed's snapshot channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String snapshotChannel;

    @Option(names = "--publish-channel", paramLabel = "URI",
        description = "Where the publishing throughput passes offer the incrementals, e.g. aeron:ipc (default: ${DEFAULT-VALUE}).")
    private String publishChannel;

    @Override
    BenchmarkResult run(final PrintStream progress)
    {
        final FeedBenchmark.Config config = workload.applyTo(new FeedBenchmark.Config())
            .publish(!noPublish)
            .ratePerSecond(ratePerSecond)
            .latencyBatches(latencyBatches)
            .warmupBatches(warmupBatches)
            .eventChannel(eventChannel)
            .incrementalChannel(incrementalChannel)
            .snapshotChannel(snapshotChannel)
            .publishChannel(publishChannel);
        check(config::conclude);
        return FeedBenchmark.run(config, progress);
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            this(new FeedBenchmark.Config());
        }

        private Defaults(final FeedBenchmark.Config defaults)
        {
            super(defaults, Map.of(
                "--rate", String.valueOf(defaults.ratePerSecond()),
                "--batches", String.valueOf(defaults.latencyBatches()),
                "--warmup-batches", String.valueOf(defaults.warmupBatches()),
                "--event-channel", defaults.eventChannel(),
                "--incremental-channel", defaults.incrementalChannel(),
                "--snapshot-channel", defaults.snapshotChannel(),
                "--publish-channel", defaults.publishChannel()));
        }
    }
}
