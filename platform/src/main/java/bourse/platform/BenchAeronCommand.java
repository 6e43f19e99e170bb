package bourse.platform;

import bourse.engine.journal.SyncPolicy;
import bourse.perf.BenchmarkResult;
import bourse.perf.aeron.AeronBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code bourse bench aeron}: the perf module's Aeron tier benchmark (the order round trip to the engine
 * service over UDP loopback beside a raw ping-pong on the same channels, then pipelined throughput with
 * the journal on). The journal lives in a temporary directory that is deleted at the end.
 */
@Command(
    name = "aeron",
    mixinStandardHelpOptions = true,
    description = {
        "Benchmarks the engine service over Aeron: order round trip against a raw",
        "ping-pong on the same channels, then pipelined throughput, journal on."},
    defaultValueProvider = BenchAeronCommand.Defaults.class)
final class BenchAeronCommand extends BenchSubcommand
{
    @Option(names = "--rate", paramLabel = "PER_SECOND",
        description = "Requests offered per second in the open-loop latency runs (default: ${DEFAULT-VALUE}).")
    private long ratePerSecond;

    @Option(names = "--requests", paramLabel = "N",
        description = "Requests measured in each latency run, orders and ping-pong (default: ${DEFAULT-VALUE}).")
    private int latencyRequests;

    @Option(names = "--rounds", paramLabel = "N",
        description = "Alternating rounds the latency requests are split into, ping-pong and orders (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warmup", paramLabel = "N",
        description = "Requests of each open-loop warm-up run, ten times as many pipelined before; 0 skips (default: ${DEFAULT-VALUE}).")
    private int warmupRequests;

    @Option(names = "--orders", paramLabel = "N",
        description = "Order commands of the pipelined throughput run (default: ${DEFAULT-VALUE}).")
    private int throughputOrders;

    @Option(names = "--window", paramLabel = "N",
        description = "Most order commands unanswered at once when pipelined (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--command-channel", paramLabel = "URI",
        description = "Shape of the command and ping channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String commandChannel;

    @Option(names = "--event-channel", paramLabel = "URI",
        description = "Shape of the event and pong channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String eventChannel;

    @Option(names = "--no-journal", description = "Run the engine without its journal, to see what journaling costs.")
    private boolean noJournal;

    @Option(names = "--sync", paramLabel = "POLICY", description = "How the journals reach the disk (default: ${DEFAULT-VALUE}).")
    private SyncPolicy syncPolicy;

    @Option(names = "--dir", paramLabel = "PATH", description = "Where the temporary data directory is made (default: ${DEFAULT-VALUE}).")
    private Path parentDirectory;

    @Override
    BenchmarkResult run(final PrintStream progress)
    {
        final AeronBenchmark.Config config = new AeronBenchmark.Config()
            .ratePerSecond(ratePerSecond)
            .latencyRequests(latencyRequests)
            .rounds(rounds)
            .warmupRequests(warmupRequests)
            .throughputOrders(throughputOrders)
            .window(window)
            .commandChannel(commandChannel)
            .eventChannel(eventChannel)
            .journal(!noJournal)
            .syncPolicy(syncPolicy)
            .parentDirectory(parentDirectory);
        try
        {
            config.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw badOption(ex.getMessage(), ex);
        }
        return AeronBenchmark.run(config, progress);
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            this(new AeronBenchmark.Config());
        }

        private Defaults(final AeronBenchmark.Config defaults)
        {
            super(Map.of(
                "--rate", String.valueOf(defaults.ratePerSecond()),
                "--requests", String.valueOf(defaults.latencyRequests()),
                "--rounds", String.valueOf(defaults.rounds()),
                "--warmup", String.valueOf(defaults.warmupRequests()),
                "--orders", String.valueOf(defaults.throughputOrders()),
                "--window", String.valueOf(defaults.window()),
                "--command-channel", defaults.commandChannel(),
                "--event-channel", defaults.eventChannel(),
                "--sync", defaults.syncPolicy().name(),
                "--dir", defaults.parentDirectory().toString()));
        }
    }
}
