package bourse.platform;

import bourse.engine.journal.SyncPolicy;
import bourse.perf.EngineIdle;
import bourse.perf.RoundTripConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * The options of a benchmark that measures round trips to the engine service against a raw ping-pong
 * ({@link RoundTripConfig}): the open-loop and pipelined runs, the engine's channels and its journal,
 * mixed into its sub-command.
 */
final class BenchRoundTripOptions
{
    @Option(names = "--rate", paramLabel = "PER_SECOND",
        description = "Requests offered per second in the open-loop latency runs (default: ${DEFAULT-VALUE}).")
    private long ratePerSecond;

    @Option(names = "--requests", paramLabel = "N",
        description = "Requests measured open loop of each kind of round trip, ping-pong included (default: ${DEFAULT-VALUE}).")
    private int latencyRequests;

    @Option(names = "--rounds", paramLabel = "N",
        description = "Rounds the latency requests are split into, the kinds taking turns (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--warmup", paramLabel = "N",
        description = "Requests of each open-loop warm-up run, ten times as many pipelined before; 0 skips (default: ${DEFAULT-VALUE}).")
    private int warmupRequests;

    @Option(names = "--orders", paramLabel = "N",
        description = "Orders of the pipelined throughput run (default: ${DEFAULT-VALUE}).")
    private int throughputOrders;

    @Option(names = "--window", paramLabel = "N",
        description = "Most requests unanswered at once when pipelined (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--command-channel", paramLabel = "URI",
        description = "Shape of the engine's command channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String commandChannel;

    @Option(names = "--event-channel", paramLabel = "URI",
        description = "Shape of the engine's event channel; UDP ports are replaced by free ones (default: ${DEFAULT-VALUE}).")
    private String eventChannel;

    @Option(names = "--no-journal", description = "Run the engine without its journal, to see what journaling costs.")
    private boolean noJournal;

    @Option(names = "--sync", paramLabel = "POLICY", description = "How the journals reach the disk (default: ${DEFAULT-VALUE}).")
    private SyncPolicy syncPolicy;

    @Option(names = "--engine-idle", paramLabel = "HOW",
        description = "How the engine thread waits for commands: BACKOFF as on a small machine, or YIELDING, never parking (default: ${DEFAULT-VALUE}).")
    private EngineIdle engineIdle;

    @Option(names = "--dir", paramLabel = "PATH", description = "Where the temporary data directory is made (default: ${DEFAULT-VALUE}).")
    private Path parentDirectory;

    /** Sets the options on {@code config}. */
    <C extends RoundTripConfig<C>> C applyTo(final C config)
    {
        return config
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
            .engineIdle(engineIdle)
            .parentDirectory(parentDirectory);
    }

    /** The options' defaults, by long name, read from a benchmark's default configuration. */
    static Map<String, String> defaults(final RoundTripConfig<?> defaults)
    {
        return Map.ofEntries(
            Map.entry("--rate", String.valueOf(defaults.ratePerSecond())),
            Map.entry("--requests", String.valueOf(defaults.latencyRequests())),
            Map.entry("--rounds", String.valueOf(defaults.rounds())),
            Map.entry("--warmup", String.valueOf(defaults.warmupRequests())),
            Map.entry("--orders", String.valueOf(defaults.throughputOrders())),
            Map.entry("--window", String.valueOf(defaults.window())),
            Map.entry("--command-channel", defaults.commandChannel()),
            Map.entry("--event-channel", defaults.eventChannel()),
            Map.entry("--sync", defaults.syncPolicy().name()),
            Map.entry("--engine-idle", defaults.engineIdle().name()),
            Map.entry("--dir", defaults.parentDirectory().toString()));
    }
}
