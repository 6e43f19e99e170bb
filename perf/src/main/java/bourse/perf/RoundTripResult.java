package bourse.perf;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * What the results of the round-trip benchmarks share: the round trip's latency and its legs beside the
 * raw ping-pong's, their ratios, the pipelined throughput of both, and the settings of a
 * {@link RoundTripConfig}, in both renderings.
 */
public abstract class RoundTripResult extends BenchmarkResult
{
    private final RoundTripConfig<?> config;
    private final String commandChannel;
    private final String eventChannel;
    private final RoundTripLatency.Percentiles latency;
    private final RoundTripLatency.Percentiles baseline;
    private final double throughputOpsPerSec;
    private final double baselineThroughputOpsPerSec;

    /**
     * @param commandChannel              the engine's command channel, as it ran (on its free ports).
     * @param eventChannel                the engine's event channel, as it ran.
     * @param latency                     the round trip measured, open loop.
     * @param baseline                    the raw ping-pong it is compared with, open loop at the same rate.
     * @param throughputOpsPerSec         round trips answered per second, pipelined.
     * @param baselineThroughputOpsPerSec pings answered per second, pipelined the same way.
     */
    protected RoundTripResult(
        final String benchmark,
        final MachineInfo machine,
        final RoundTripConfig<?> config,
        final String commandChannel,
        final String eventChannel,
        final RoundTripLatency.Percentiles latency,
        final RoundTripLatency.Percentiles baseline,
        final double throughputOpsPerSec,
        final double baselineThroughputOpsPerSec)
    {
        super(benchmark, machine);
        this.config = config;
        this.commandChannel = commandChannel;
        this.eventChannel = eventChannel;
        this.latency = latency;
        this.baseline = baseline;
        this.throughputOpsPerSec = throughputOpsPerSec;
        this.baselineThroughputOpsPerSec = baselineThroughputOpsPerSec;
    }

    /** Orders answered per second, pipelined, journal on. */
    public final double throughputOpsPerSec()
    {
        return throughputOpsPerSec;
    }

    /** The order round trip, open loop, from each order's scheduled time to its answer. */
    public final LatencyPercentiles latency()
    {
        return latency.fromScheduled();
    }

    /** The raw ping-pong, open loop at the same rate. */
    public final LatencyPercentiles baseline()
    {
        return baseline.fromScheduled();
    }

    /** Pings answered per second, pipelined as the orders are: what the transport alone carries. */
    public final double baselineThroughputOpsPerSec()
    {
        return baselineThroughputOpsPerSec;
    }

    public final double p50RatioToBaseline()
    {
        return ratio(latency().p50Ns(), baseline().p50Ns());
    }

    public final double p99RatioToBaseline()
    {
        return ratio(latency().p99Ns(), baseline().p99Ns());
    }

    protected static double ratio(final long latencyNs, final long baselineNs)
    {
        return (double)latencyNs / baselineNs;
    }

    /**
     * The shared keys: {@code throughputOpsPerSec}, {@code latencyNs}, the result's own latencies
     * ({@link #putOwnLatencies}), {@code baselineLatencyNs}, the ratios and {@code baselineThroughputOpsPerSec};
     * then {@code legsNs}, with the round trip's legs under {@code legsName} and the ping-pong's under
     * {@code pingPong}, beside any the result adds; then the result's own fields ({@link #putOwnFields}),
     * then the configuration.
     */
    @Override
    protected final void putFields(final ObjectNode root)
    {
        root.put("throughputOpsPerSec", Math.round(throughputOpsPerSec));
        putPercentiles(root.putObject("latencyNs"), latency());
        putOwnLatencies(root);
        putPercentiles(root.putObject("baselineLatencyNs"), baseline());
        root.put("p50RatioToBaseline", rounded(p50RatioToBaseline()));
        root.put("p99RatioToBaseline", rounded(p99RatioToBaseline()));
        root.put("baselineThroughputOpsPerSec", Math.round(baselineThroughputOpsPerSec));
        final ObjectNode legs = root.putObject("legsNs");
        putLegs(legs.putObject(legsName()), latency);
        putOwnLegs(legs);
        putLegs(legs.putObject("pingPong"), baseline);
        putOwnFields(root);
        root.put("offeredRatePerSecond", config.ratePerSecond());
        root.put("latencyRequests", config.latencyRequests());
        root.put("rounds", config.rounds());
        root.put("warmupRequests", config.warmupRequests());
        root.put("throughputOrders", config.throughputOrders());
        root.put("window", config.window());
        root.put("commandChannel", commandChannel);
        root.put("eventChannel", eventChannel);
        root.put("journal", config.journal());
        root.put("syncPolicy", config.syncPolicy().name());
        root.put("engineIdle", config.engineIdle().name());
        root.put("engineIdleStrategy", config.engineIdle().newIdleStrategy().toString());
    }

    /** What the legs of the round trip are called in {@code legsNs}. */
    protected abstract String legsName();

    /** Latencies of other kinds of round trip, after {@code latencyNs}; none by default. */
    protected void putOwnLatencies(final ObjectNode root)
    {
    }

    /** Legs of other kinds of round trip, into {@code legsNs}; none by default. */
    protected void putOwnLegs(final ObjectNode legs)
    {
    }

    /** The result's own fields, after the shared figures and before the configuration. */
    protected abstract void putOwnFields(ObjectNode root);

    /** The legs' percentiles: {@code sendLate}, {@code toServer} and {@code fromServer}. */
    protected static void putLegs(final ObjectNode legs, final RoundTripLatency.Percentiles percentiles)
    {
        putPercentiles(legs.putObject("sendLate"), percentiles.sendLate());
        putPercentiles(legs.putObject("toServer"), percentiles.toServer());
        putPercentiles(legs.putObject("fromServer"), percentiles.fromServer());
    }

    /** A ratio to three decimals. */
    protected static double rounded(final double ratio)
    {
        return Math.round(ratio * 1000) / 1000.0;
    }

    /** Three rows of a percentile table: the legs of a round trip, each labelled. */
    protected static void appendLegRows(
        final StringBuilder text, final RoundTripLatency.Percentiles legs, final String late, final String to, final String from)
    {
        appendPercentilesRow(text, late, legs.sendLate());
        appendPercentilesRow(text, to, legs.toServer());
        appendPercentilesRow(text, from, legs.fromServer());
    }

    /** The round trip's legs, labelled, as {@link #appendLegRows} writes them. */
    protected final void appendLegRows(final StringBuilder text, final String late, final String to, final String from)
    {
        appendLegRows(text, latency, late, to, from);
    }

    /** The ping-pong's legs, labelled. */
    protected final void appendBaselineLegRows(final StringBuilder text, final String to, final String from)
    {
        appendLegRows(text, baseline, "pings late", to, from);
    }

    /** The line of the engine's channels and journal. */
    protected final void appendEngineLine(final StringBuilder text)
    {
        text.append(String.format(Locale.ROOT, "engine      commands %s, events %s, %s, %s idle%n",
            commandChannel, eventChannel, config.journal() ? "journal sync " + config.syncPolicy() : "no journal",
            config.engineIdle().name().toLowerCase(Locale.ROOT)));
    }

    /** The line of the open-loop settings that heads the latency table. */
    protected final void appendLatencyHeader(final StringBuilder text)
    {
        text.append(String.format(Locale.ROOT,
            "latency     open loop at %,d/s, %,d requests each in %d rounds, ns from each one's scheduled time to its answer%n",
            config.ratePerSecond(), config.latencyRequests(), config.rounds()));
        appendPercentilesHeader(text, "");
    }
}
