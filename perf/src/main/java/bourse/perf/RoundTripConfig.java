package bourse.perf;

import bourse.engine.journal.SyncPolicy;
import bourse.engine.service.EngineService;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a benchmark that measures round trips to the engine service against a raw ping-pong configures
 * alike, Aeron-context style: the open-loop latency runs in alternating rounds with their warm-up, the
 * pipelined throughput run, the engine service's channels and journal, and how long a run may stall.
 * Fluent setters return the benchmark's own configuration type {@code C}; each benchmark gives its
 * own defaults.
 */
public abstract class RoundTripConfig<C extends RoundTripConfig<C>>
{
    private long ratePerSecond;
    private int latencyRequests;
    private int rounds;
    private int warmupRequests;
    private int throughputOrders;
    private int window;
    private String commandChannel;
    private String eventChannel;
    private boolean journal = true;
    private SyncPolicy syncPolicy = SyncPolicy.NONE;
    private EngineIdle engineIdle = EngineIdle.BACKOFF;
    private Path parentDirectory = Path.of(System.getProperty("java.io.tmpdir"));
    private long stallTimeoutNs = RoundTripHarness.DEFAULT_STALL_TIMEOUT_NS;

    protected RoundTripConfig(final Defaults defaults)
    {
        ratePerSecond = defaults.ratePerSecond();
        latencyRequests = defaults.latencyRequests();
        rounds = defaults.rounds();
        warmupRequests = defaults.warmupRequests();
        throughputOrders = defaults.throughputOrders();
        window = defaults.window();
        commandChannel = defaults.commandChannel();
        eventChannel = defaults.eventChannel();
    }

    /** A benchmark's defaults for the settings every round-trip benchmark has. */
    public record Defaults(
        long ratePerSecond,
        int latencyRequests,
        int rounds,
        int warmupRequests,
        int throughputOrders,
        int window,
        String commandChannel,
        String eventChannel)
    {
    }

    /** This configuration, as its own type, for the fluent setters. */
    protected abstract C self();

    /** Checks the shared settings; throws {@link IllegalArgumentException} naming what is wrong. */
    protected final void concludeRoundTrips()
    {
        new OpenLoop(ratePerSecond);
        if (latencyRequests < 1)
        {
            throw new IllegalArgumentException("latencyRequests must be at least 1: " + latencyRequests);
        }
        if (rounds < 1 || rounds > latencyRequests)
        {
            throw new IllegalArgumentException("rounds must be in [1, latencyRequests]: " + rounds);
        }
        if (warmupRequests < 0)
        {
            throw new IllegalArgumentException("warmupRequests must not be negative: " + warmupRequests);
        }
        if (throughputOrders < 1)
        {
            throw new IllegalArgumentException("throughputOrders must be at least 1: " + throughputOrders);
        }
        if (window < 1)
        {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        Objects.requireNonNull(commandChannel, "commandChannel");
        Objects.requireNonNull(eventChannel, "eventChannel");
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(engineIdle, "engineIdle");
        Objects.requireNonNull(parentDirectory, "parentDirectory");
        if (stallTimeoutNs <= 0)
        {
            throw new IllegalArgumentException("stallTimeoutNs must be positive: " + stallTimeoutNs);
        }
    }

    /**
     * The engine service to measure: on this configuration's channels with their UDP ports moved to free
     * ones, stamping commands with {@code clock}, journaling into {@code scratch} unless the journal is off,
     * idling as {@link #engineIdle()} says.
     */
    public final EngineService.Context engineService(final ScratchDirectory scratch, final EpochNanoClock clock)
    {
        return new EngineService.Context()
            .commandChannel(LoopbackPorts.withFreePorts(commandChannel))
            .eventChannel(LoopbackPorts.withFreePorts(eventChannel))
            .clock(clock)
            .dataDirectory(journal ? scratch.resolve("data") : null)
            .syncPolicy(syncPolicy)
            .idleStrategy(engineIdle.newIdleStrategy());
    }

    /** Requests per second offered in the open-loop runs, the same for every kind of round trip. */
    public final C ratePerSecond(final long ratePerSecond)
    {
        this.ratePerSecond = ratePerSecond;
        return self();
    }

    public final long ratePerSecond()
    {
        return ratePerSecond;
    }

    /** Requests measured open loop, of each kind of round trip, over all rounds. */
    public final C latencyRequests(final int latencyRequests)
    {
        this.latencyRequests = latencyRequests;
        return self();
    }

    public final int latencyRequests()
    {
        return latencyRequests;
    }

    /**
     * How many rounds the latency requests are split into, the kinds of round trip taking turns in a
     * different order each round, so that a shared machine's busy spells fall on all of them alike.
     */
    public final C rounds(final int rounds)
    {
        this.rounds = rounds;
        return self();
    }

    public final int rounds()
    {
        return rounds;
    }

    /** Requests of each open-loop warm-up run, ten times as many pipelined before them; 0 for no warm-up. */
    public final C warmupRequests(final int warmupRequests)
    {
        this.warmupRequests = warmupRequests;
        return self();
    }

    public final int warmupRequests()
    {
        return warmupRequests;
    }

    /** Orders of the pipelined throughput run. */
    public final C throughputOrders(final int throughputOrders)
    {
        this.throughputOrders = throughputOrders;
        return self();
    }

    public final int throughputOrders()
    {
        return throughputOrders;
    }

    /** Most requests unanswered at once in the pipelined runs (for a benchmark with several streams: per stream). */
    public final C window(final int window)
    {
        this.window = window;
        return self();
    }

    public final int window()
    {
        return window;
    }

    /** The shape of the engine's command channel; UDP ports are replaced by free ones. */
    public final C commandChannel(final String commandChannel)
    {
        this.commandChannel = commandChannel;
        return self();
    }

    public final String commandChannel()
    {
        return commandChannel;
    }

    /** The shape of the engine's event channel; UDP ports are replaced by free ones. */
    public final C eventChannel(final String eventChannel)
    {
        this.eventChannel = eventChannel;
        return self();
    }

    public final String eventChannel()
    {
        return eventChannel;
    }

    /** Whether the engine journals commands and events (in a temporary data directory), as a venue does. */
    public final C journal(final boolean journal)
    {
        this.journal = journal;
        return self();
    }

    public final boolean journal()
    {
        return journal;
    }

    /** How the engine's journals reach the disk. */
    public final C syncPolicy(final SyncPolicy syncPolicy)
    {
        this.syncPolicy = syncPolicy;
        return self();
    }

    public final SyncPolicy syncPolicy()
    {
        return syncPolicy;
    }

    /** How the engine thread waits for commands: as on a small machine (the default), or never parking. */
    public final C engineIdle(final EngineIdle engineIdle)
    {
        this.engineIdle = engineIdle;
        return self();
    }

    public final EngineIdle engineIdle()
    {
        return engineIdle;
    }

    /** Where the temporary data directory is made (and deleted afterwards). */
    public final C parentDirectory(final Path parentDirectory)
    {
        this.parentDirectory = parentDirectory;
        return self();
    }

    public final Path parentDirectory()
    {
        return parentDirectory;
    }

    /** How long a run may go without any answer before it fails. */
    public final C stallTimeoutNs(final long stallTimeoutNs)
    {
        this.stallTimeoutNs = stallTimeoutNs;
        return self();
    }

    public final long stallTimeoutNs()
    {
        return stallTimeoutNs;
    }
}
