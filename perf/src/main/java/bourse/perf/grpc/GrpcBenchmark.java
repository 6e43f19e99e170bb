package bourse.perf.grpc;

import bourse.engine.service.EngineService;
import bourse.gateway.OrderGateway;
import bourse.perf.AeronWait;
import bourse.perf.LatencyRounds;
import bourse.perf.MachineInfo;
import bourse.perf.NanoTimeEpochClock;
import bourse.perf.RoundTripConfig;
import bourse.perf.RoundTripHarness;
import bourse.perf.RoundTripLatency;
import bourse.perf.ScratchDirectory;
import io.grpc.ManagedChannel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gRPC tier benchmark, {@code ./bourse bench grpc}: the engine service with its journal on, on an
 * embedded media driver set up for a small machine, the order gateway in front of it on a loopback
 * port, and gRPC clients in the same process. Accounts, instruments and API keys are set up through
 * the engine's own commands ({@link TradingPairs}); the orders trade without ever piling up in a book
 * ({@link OrderFlow}). It measures
 * <ol>
 *     <li>the order round trip through {@code OrderSession} streams ({@link SessionRoundTrips}) and
 *     through unary {@code SubmitOrder} calls ({@link UnaryRoundTrips}): open loop at the offered rate,
 *     from each order's scheduled time to the report acknowledging it;</li>
 *     <li>the raw gRPC ping-pong baseline ({@link GrpcPingPong}): messages of the same sizes on a
 *     bidirectional stream of a bare grpc-java server, open loop at the same rate, in rounds taking turns
 *     with the orders';</li>
 *     <li>throughput: several session streams, each with up to a window of orders unacknowledged, orders
 *     acknowledged per second; then pings the same way, what the transport alone carries.</li>
 * </ol>
 * Everything is warmed up first. The journal lives in a temporary directory, deleted at the end.
 */
public final class GrpcBenchmark
{
    /** Far above what the benchmark sends: the gateway's rate limit must not be what is measured. */
    private static final int RATE_LIMIT_PER_SECOND = 1_000_000_000;

    private GrpcBenchmark()
    {
    }

    /** Runs the whole benchmark, writing one progress line per step to {@code progress}. */
    public static GrpcBenchmarkResult run(final Config config, final PrintStream progress)
    {
        config.conclude();
        final MachineInfo machine = MachineInfo.current();
        final NanoTimeEpochClock engineClock = new NanoTimeEpochClock();
        try (ScratchDirectory scratch = new ScratchDirectory(config.parentDirectory(), "bourse-grpc-bench-");
            EngineService service = EngineService.launch(config.engineService(scratch, engineClock));
            OrderGateway gateway = OrderGateway.launch(gateway(config, service.context())))
        {
            final EngineService.Context engine = service.context();
            progress.printf(Locale.ROOT, "engine service on %s, commands %s, events %s, journal in %s%n",
                engine.aeronDirectoryName(), engine.commandChannel(), engine.eventChannel(), engine.dataDirectory());
            AeronWait.until("the gateway to connect to the engine", config.stallTimeoutNs(), gateway::isEngineConnected);
            final List<TradingPairs.Pair> pairs = TradingPairs.setUp(service, gateway, config.pairs(), config.stallTimeoutNs());
            progress.printf(Locale.ROOT, "order gateway on 127.0.0.1:%d, %d pairs of funded accounts with API keys%n",
                gateway.port(), pairs.size());
            final List<ManagedChannel> channels = new ArrayList<>();
            try
            {
                for (int i = 0; i < pairs.size(); i++)
                {
                    channels.add(LoopbackChannels.open(gateway.port()));
                }
                return measure(config, service, engineClock, pairs, channels, machine, progress);
            }
            finally
            {
                LoopbackChannels.closeAll(channels);
            }
        }
    }

    /**
     * The gateway in front of {@code engine}, on a free loopback port, with its defaults except for the
     * limits the benchmark must not hit: the rate limit, and the room for requests and reports when a
     * window larger than the defaults allow for is asked for (each order has up to two reports in flight).
     */
    private static OrderGateway.Context gateway(final Config config, final EngineService.Context engine)
    {
        final OrderGateway.Context defaults = new OrderGateway.Context();
        return new OrderGateway.Context()
            .aeronDirectoryName(engine.aeronDirectoryName())
            .engineCommands(engine.commandChannel(), engine.commandStreamId())
            .engineEvents(engine.eventChannel(), engine.eventStreamId())
            .port(0)
            .rateLimitPerSecond(RATE_LIMIT_PER_SECOND)
            .rateLimitBurst(RATE_LIMIT_PER_SECOND)
            .requestQueueCapacity(Math.max(defaults.requestQueueCapacity(), 2 * config.streams() * config.window()))
            .streamBufferCapacity(Math.max(defaults.streamBufferCapacity(), 4 * config.window()));
    }

    private static GrpcBenchmarkResult measure(
        final Config config,
        final EngineService service,
        final NanoTimeEpochClock engineClock,
        final List<TradingPairs.Pair> pairs,
        final List<ManagedChannel> channels,
        final MachineInfo machine,
        final PrintStream progress)
    {
        final Refusals refusals = new Refusals();
        final OrderFlow latencyFlow = new OrderFlow(List.of(pairs.get(0).instrument()));
        try (SessionRoundTrips sessions = new SessionRoundTrips(latencyFlow, pairs, channels, engineClock, refusals))
        {
            final UnaryRoundTrips unary = new UnaryRoundTrips(latencyFlow, pairs.get(0), channels.get(0), engineClock, refusals);
            // One cycle, a maker's order and a taker's, tells how long the ping-pong's messages must be.
            new RoundTripHarness(sessions, config.stallTimeoutNs()).measureThroughput(2, 2);
            final GrpcPingPong.MessageSizes sizes = new GrpcPingPong.MessageSizes(sessions.requestBytes(true),
                sessions.requestBytes(false), sessions.acknowledgementBytes(true), sessions.acknowledgementBytes(false));
            try (GrpcPingPong pingPong = new GrpcPingPong(pairs.size());
                GrpcPingPong.Pings pings = pingPong.streams(2, sizes))
            {
                progress.printf(Locale.ROOT, "ping-pong on 127.0.0.1:%d: %s%n", pingPong.port(), sizes);
                final RoundTripLatency sessionLatency = new RoundTripLatency();
                final RoundTripLatency unaryLatency = new RoundTripLatency();
                final RoundTripLatency pingLatency = new RoundTripLatency();
                final LatencyRounds rounds = new LatencyRounds(List.of(
                    new LatencyRounds.Kind("ping-pong", new RoundTripHarness(pings, config.stallTimeoutNs()), pingLatency),
                    new LatencyRounds.Kind("session", new RoundTripHarness(sessions, config.stallTimeoutNs()), sessionLatency),
                    new LatencyRounds.Kind("unary", new RoundTripHarness(unary, config.stallTimeoutNs()), unaryLatency)),
                    config.ratePerSecond());
                if (config.warmupRequests() > 0)
                {
                    rounds.warmUp(config.warmupRequests(), config.window(), progress);
                }
                final long rejectsBefore = refusals.rejects();
                final long errorsBefore = refusals.errors();
                rounds.measure(config.latencyRequests(), config.rounds(), progress);

                final Throughput throughput = measureThroughput(config, pairs, channels, engineClock, refusals, pingPong, sizes);
                progress.printf(Locale.ROOT, "pipelined: %,d orders acknowledged at %,.0f/s on %d session streams (window %,d each)%n",
                    config.throughputOrders(), throughput.orders(), config.streams(), config.window());
                progress.printf(Locale.ROOT, "pipelined: %,d pings answered at %,.0f/s on %d streams (window %,d each)%n",
                    config.throughputOrders(), throughput.pings(), config.streams(), config.window());
                return new GrpcBenchmarkResult(config, service.context(), sizes,
                    sessionLatency.percentiles(config.ratePerSecond()), unaryLatency.percentiles(config.ratePerSecond()),
                    pingLatency.percentiles(config.ratePerSecond()), throughput.orders(), throughput.pings(),
                    new GrpcBenchmarkResult.Refused(refusals.rejects() - rejectsBefore, refusals.errors() - errorsBefore,
                        refusals.rejects(), refusals.errors(), refusals.first()),
                    service.counters().backPressure().get(), machine);
            }
        }
    }

    /** Orders pipelined on every pair's sessions, then pings the same way on as many streams. */
    private static Throughput measureThroughput(
        final Config config,
        final List<TradingPairs.Pair> pairs,
        final List<ManagedChannel> channels,
        final NanoTimeEpochClock engineClock,
        final Refusals refusals,
        final GrpcPingPong pingPong,
        final GrpcPingPong.MessageSizes sizes)
    {
        final int window = config.window() * config.streams();
        final OrderFlow flow = new OrderFlow(pairs.stream().map(TradingPairs.Pair::instrument).toList());
        final double orders;
        try (SessionRoundTrips streams = new SessionRoundTrips(flow, pairs, channels, engineClock, refusals))
        {
            orders = new RoundTripHarness(streams, config.stallTimeoutNs()).measureThroughput(config.throughputOrders(), window);
        }
        try (GrpcPingPong.Pings streams = pingPong.streams(config.streams(), sizes))
        {
            return new Throughput(orders,
                new RoundTripHarness(streams, config.stallTimeoutNs()).measureThroughput(config.throughputOrders(), window));
        }
    }

    private record Throughput(double orders, double pings)
    {
    }

    /** What to run, Aeron-context style: fluent setters, defaults, and checks in {@link #conclude()}. */
    public static final class Config extends RoundTripConfig<Config>
    {
        /** The engine beside the gateway, as {@code bourse run} has it: IPC through the shared media driver. */
        public static final String DEFAULT_CHANNEL = "aeron:ipc?term-length=4m";

        private int streams = 4;

        public Config()
        {
            // 80,000 orders of each gateway kind pipelined in the warm-up: more than the 100,000 finished orders the
            // gateway keeps, so that the measured rounds find it in its steady state.
            super(new Defaults(4_000, 40_000, 40, 8_000, 400_000, 256, DEFAULT_CHANNEL, DEFAULT_CHANNEL));
        }

        /** Checks the configuration; {@link GrpcBenchmark#run} calls it too. */
        public Config conclude()
        {
            concludeRoundTrips();
            if (streams < 2 || streams % 2 != 0)
            {
                throw new IllegalArgumentException("streams must be even and at least 2 (a maker's and a taker's per pair): " + streams);
            }
            return this;
        }

        @Override
        protected Config self()
        {
            return this;
        }

        /**
         * Session streams of the throughput run, each pipelining up to a window of orders: a maker's and a
         * taker's per pair of accounts, each pair trading an instrument of its own, on a connection of its own.
         */
        public Config streams(final int streams)
        {
            this.streams = streams;
            return this;
        }

        public int streams()
        {
            return streams;
        }

        int pairs()
        {
            return streams / 2;
        }
    }
}
