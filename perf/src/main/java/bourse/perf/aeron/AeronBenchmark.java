package bourse.perf.aeron;

import bourse.engine.client.EngineChannels;
import bourse.engine.journal.SyncPolicy;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.perf.LoopbackPorts;
import bourse.perf.MachineInfo;
import bourse.perf.OpenLoop;
import bourse.perf.ScratchDirectory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The Aeron tier benchmark, {@code ./bourse bench aeron}: the engine service with its journal on, on an
 * embedded media driver set up for a small machine ({@link SmallMachineAeron}), and a client in the same
 * process talking to it over UDP loopback. It measures
 * <ol>
 *     <li>the order round trip ({@link OrderRoundTrips}): open loop at the offered rate, from each
 *     command's scheduled time to the first event answering it;</li>
 *     <li>the raw ping-pong baseline ({@link PingPong}): open loop at the same rate, from each ping's
 *     scheduled time to its pong, in rounds alternating with the orders';</li>
 *     <li>pipelined throughput: order commands with up to a window of them unanswered, answered per
 *     second; then pings the same way, the transport's own ceiling.</li>
 * </ol>
 * Everything is warmed up first. The journal lives in a temporary directory, deleted at the end.
 */
public final class AeronBenchmark
{
    static final int PING_STREAM_ID = 2001;
    static final int PONG_STREAM_ID = 2002;

    private AeronBenchmark()
    {
    }

    /** Runs the whole benchmark, writing one progress line per step to {@code progress}. */
    public static AeronBenchmarkResult run(final Config config, final PrintStream progress)
    {
        config.conclude();
        final MachineInfo machine = MachineInfo.current();
        final String pingChannel = LoopbackPorts.withFreePorts(config.commandChannel());
        final String pongChannel = LoopbackPorts.withFreePorts(config.eventChannel());
        final NanoTimeEpochClock engineClock = new NanoTimeEpochClock();
        try (ScratchDirectory scratch = new ScratchDirectory(config.parentDirectory(), "bourse-aeron-bench-");
            EngineService service = EngineService.launch(new EngineService.Context()
                .commandChannel(LoopbackPorts.withFreePorts(config.commandChannel()))
                .eventChannel(LoopbackPorts.withFreePorts(config.eventChannel()))
                .clock(engineClock)
                .dataDirectory(config.journal() ? scratch.resolve("data") : null)
                .syncPolicy(config.syncPolicy()));
            OrderRoundTrips orders = new OrderRoundTrips(
                service.context().aeronDirectoryName(), service.context(), engineClock, config.stallTimeoutNs());
            PingPong pingPong = new PingPong(service.context().aeronDirectoryName(), service.context().livenessTimeoutNs(),
                pingChannel, PING_STREAM_ID, pongChannel, PONG_STREAM_ID, OrderRoundTrips.orderMessageLength(),
                SmallMachineAeron.backoffIdleStrategy()))
        {
            final EngineService.Context engine = service.context();
            progress.printf(Locale.ROOT, "engine service on %s, commands %s, events %s, journal in %s%n",
                engine.aeronDirectoryName(), engine.commandChannel(), engine.eventChannel(), engine.dataDirectory());
            progress.printf(Locale.ROOT, "ping-pong on the same driver: pings %s, pongs %s, %d-byte messages%n",
                pingChannel, pongChannel, OrderRoundTrips.orderMessageLength());
            orders.awaitConnected();
            orders.setUpMarket();
            pingPong.awaitConnected(config.stallTimeoutNs());

            final RoundTripHarness orderHarness = new RoundTripHarness(orders, config.stallTimeoutNs());
            final RoundTripHarness pingHarness = new RoundTripHarness(pingPong, config.stallTimeoutNs());
            final OpenLoop schedule = new OpenLoop(config.ratePerSecond());
            final RoundTripLatency orderLatency = new RoundTripLatency();
            final RoundTripLatency pingLatency = new RoundTripLatency();
            if (config.warmupRequests() > 0)
            {
                warmUp(config, orderHarness, pingHarness, schedule, progress);
            }
            measureLatency(config, orderHarness, orderLatency, pingHarness, pingLatency, schedule, progress);

            final double throughput = orderHarness.measureThroughput(config.throughputOrders(), config.window());
            progress.printf(Locale.ROOT, "pipelined: %,d order commands answered at %,.0f/s (window %,d)%n",
                config.throughputOrders(), throughput, config.window());
            final double baselineThroughput = pingHarness.measureThroughput(config.throughputOrders(), config.window());
            progress.printf(Locale.ROOT, "pipelined: %,d pings answered at %,.0f/s (window %,d)%n",
                config.throughputOrders(), baselineThroughput, config.window());

            if (orders.rejects() > 0)
            {
                throw new IllegalStateException(
                    "the engine rejected " + orders.rejects() + " order commands, the first: " + orders.firstReject());
            }
            return new AeronBenchmarkResult(config, engine.commandChannel(), engine.eventChannel(), pingChannel, pongChannel,
                OrderRoundTrips.orderMessageLength(), orderLatency.percentiles(config.ratePerSecond()),
                pingLatency.percentiles(config.ratePerSecond()), throughput, baselineThroughput,
                service.counters().backPressure().get(), machine);
        }
    }

    /** Both kinds pipelined, so that every path is compiled, then open loop at the offered rate; nothing kept. */
    private static void warmUp(
        final Config config,
        final RoundTripHarness orderHarness,
        final RoundTripHarness pingHarness,
        final OpenLoop schedule,
        final PrintStream progress)
    {
        final long pipelined = config.warmupRequests() * 10L;
        progress.printf(Locale.ROOT, "warm-up: %,d order commands and %,d pings pipelined, then %,d of each open loop at %,d/s%n",
            pipelined, pipelined, config.warmupRequests(), config.ratePerSecond());
        orderHarness.measureThroughput(pipelined, config.window());
        pingHarness.measureThroughput(pipelined, config.window());
        final RoundTripLatency discarded = new RoundTripLatency();
        pingHarness.measureLatency(config.warmupRequests(), schedule, discarded);
        orderHarness.measureLatency(config.warmupRequests(), schedule, discarded);
    }

    /**
     * The open-loop runs, in alternating rounds: ping-pong then orders, orders then ping-pong, and so on,
     * so that both see the same moods of a shared machine.
     */
    private static void measureLatency(
        final Config config,
        final RoundTripHarness orderHarness,
        final RoundTripLatency orderLatency,
        final RoundTripHarness pingHarness,
        final RoundTripLatency pingLatency,
        final OpenLoop schedule,
        final PrintStream progress)
    {
        for (int round = 0; round < config.rounds(); round++)
        {
            final int requests = share(config.latencyRequests(), round, config.rounds());
            if (round % 2 == 0)
            {
                pingHarness.measureLatency(requests, schedule, pingLatency);
                orderHarness.measureLatency(requests, schedule, orderLatency);
            }
            else
            {
                orderHarness.measureLatency(requests, schedule, orderLatency);
                pingHarness.measureLatency(requests, schedule, pingLatency);
            }
            if ((round + 1) % Math.max(1, config.rounds() / 10) == 0)
            {
                progress.printf(Locale.ROOT, "round %d/%d at %,d/s: orders p50 %,d ns p99 %,d ns, ping-pong p50 %,d ns p99 %,d ns so far%n",
                    round + 1, config.rounds(), config.ratePerSecond(),
                    orderLatency.fromScheduled.getValueAtPercentile(50), orderLatency.fromScheduled.getValueAtPercentile(99),
                    pingLatency.fromScheduled.getValueAtPercentile(50), pingLatency.fromScheduled.getValueAtPercentile(99));
            }
        }
    }

    /** Round {@code round}'s share of {@code total} split into {@code rounds} as evenly as whole numbers go. */
    static int share(final int total, final int round, final int rounds)
    {
        return (int)((long)total * (round + 1) / rounds - (long)total * round / rounds);
    }

    /** What to run, Aeron-context style: fluent setters, defaults, and checks in {@link #conclude()}. */
    public static final class Config
    {
        private long ratePerSecond = 10_000;
        private int latencyRequests = 100_000;
        private int rounds = 50;
        private int warmupRequests = 20_000;
        private int throughputOrders = 2_000_000;
        private int window = 4_096;
        private String commandChannel = EngineChannels.DEFAULT_COMMAND_CHANNEL;
        private String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;
        private boolean journal = true;
        private SyncPolicy syncPolicy = SyncPolicy.NONE;
        private Path parentDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        private long stallTimeoutNs = RoundTripHarness.DEFAULT_STALL_TIMEOUT_NS;

        /** Checks the configuration; {@link AeronBenchmark#run} calls it too. */
        public Config conclude()
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
            Objects.requireNonNull(parentDirectory, "parentDirectory");
            if (stallTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("stallTimeoutNs must be positive: " + stallTimeoutNs);
            }
            return this;
        }

        /** Requests per second offered in the open-loop runs, the same for the orders and the ping-pong. */
        public Config ratePerSecond(final long ratePerSecond)
        {
            this.ratePerSecond = ratePerSecond;
            return this;
        }

        public long ratePerSecond()
        {
            return ratePerSecond;
        }

        /** Requests measured open loop, of the orders and of the ping-pong each, over all rounds. */
        public Config latencyRequests(final int latencyRequests)
        {
            this.latencyRequests = latencyRequests;
            return this;
        }

        public int latencyRequests()
        {
            return latencyRequests;
        }

        /**
         * How many alternating rounds the latency requests are split into: ping-pong then orders, orders then
         * ping-pong, and so on, so that a shared machine's busy spells fall on both alike.
         */
        public Config rounds(final int rounds)
        {
            this.rounds = rounds;
            return this;
        }

        public int rounds()
        {
            return rounds;
        }

        /** Requests of each open-loop warm-up run, ten times as many pipelined before them; 0 for no warm-up. */
        public Config warmupRequests(final int warmupRequests)
        {
            this.warmupRequests = warmupRequests;
            return this;
        }

        public int warmupRequests()
        {
            return warmupRequests;
        }

        /** Order commands of the pipelined throughput run. */
        public Config throughputOrders(final int throughputOrders)
        {
            this.throughputOrders = throughputOrders;
            return this;
        }

        public int throughputOrders()
        {
            return throughputOrders;
        }

        /** Most commands unanswered at once in the pipelined runs. */
        public Config window(final int window)
        {
            this.window = window;
            return this;
        }

        public int window()
        {
            return window;
        }

        /** The shape of the engine's command channel (and the pings'); UDP ports are replaced by free ones. */
        public Config commandChannel(final String commandChannel)
        {
            this.commandChannel = commandChannel;
            return this;
        }

        public String commandChannel()
        {
            return commandChannel;
        }

        /** The shape of the engine's event channel (and the pongs'); UDP ports are replaced by free ones. */
        public Config eventChannel(final String eventChannel)
        {
            this.eventChannel = eventChannel;
            return this;
        }

        public String eventChannel()
        {
            return eventChannel;
        }

        /** Whether the engine journals commands and events (in a temporary data directory), as a venue does. */
        public Config journal(final boolean journal)
        {
            this.journal = journal;
            return this;
        }

        public boolean journal()
        {
            return journal;
        }

        /** How the engine's journals reach the disk. */
        public Config syncPolicy(final SyncPolicy syncPolicy)
        {
            this.syncPolicy = syncPolicy;
            return this;
        }

        public SyncPolicy syncPolicy()
        {
            return syncPolicy;
        }

        /** Where the temporary data directory is made (and deleted afterwards). */
        public Config parentDirectory(final Path parentDirectory)
        {
            this.parentDirectory = parentDirectory;
            return this;
        }

        public Path parentDirectory()
        {
            return parentDirectory;
        }

        /** How long a run may go without any answer before it fails. */
        public Config stallTimeoutNs(final long stallTimeoutNs)
        {
            this.stallTimeoutNs = stallTimeoutNs;
            return this;
        }

        public long stallTimeoutNs()
        {
            return stallTimeoutNs;
        }
    }
}
