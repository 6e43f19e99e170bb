package bourse.perf.aeron;

import bourse.engine.client.EngineChannels;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.perf.LatencyRounds;
import bourse.perf.LoopbackPorts;
import bourse.perf.MachineInfo;
import bourse.perf.NanoTimeEpochClock;
import bourse.perf.RoundTripConfig;
import bourse.perf.RoundTripHarness;
import bourse.perf.RoundTripLatency;
import bourse.perf.ScratchDirectory;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

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
            EngineService service = EngineService.launch(config.engineService(scratch, engineClock));
            OrderRoundTrips orders = new OrderRoundTrips(
                service.context().aeronDirectoryName(), service.context(), engineClock, config.stallTimeoutNs());
            PingPong pingPong = new PingPong(service.context().aeronDirectoryName(), service.context().livenessTimeoutNs(),
                pingChannel, PING_STREAM_ID, pongChannel, PONG_STREAM_ID, OrderRoundTrips.orderMessageLength(),
                config.engineIdle().newIdleStrategy()))
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
            final RoundTripLatency orderLatency = new RoundTripLatency();
            final RoundTripLatency pingLatency = new RoundTripLatency();
            final LatencyRounds rounds = new LatencyRounds(List.of(
                new LatencyRounds.Kind("ping-pong", pingHarness, pingLatency),
                new LatencyRounds.Kind("orders", orderHarness, orderLatency)), config.ratePerSecond());
            if (config.warmupRequests() > 0)
            {
                rounds.warmUp(config.warmupRequests(), config.window(), progress);
            }
            rounds.measure(config.latencyRequests(), config.rounds(), progress);

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

    /** What to run, Aeron-context style: fluent setters, defaults, and checks in {@link #conclude()}. */
    public static final class Config extends RoundTripConfig<Config>
    {
        public Config()
        {
            super(new Defaults(10_000, 100_000, 50, 20_000, 2_000_000, 4_096,
                EngineChannels.DEFAULT_COMMAND_CHANNEL, EngineChannels.DEFAULT_EVENT_CHANNEL));
        }

        /** Checks the configuration; {@link AeronBenchmark#run} calls it too. */
        public Config conclude()
        {
            concludeRoundTrips();
            return this;
        }

        @Override
        protected Config self()
        {
            return this;
        }
    }
}
