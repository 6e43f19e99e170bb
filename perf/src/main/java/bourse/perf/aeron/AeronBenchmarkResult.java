package bourse.perf.aeron;

import bourse.engine.service.SmallMachineAeron;
import bourse.perf.BenchmarkResult;
import bourse.perf.LatencyPercentiles;
import bourse.perf.MachineInfo;
import bourse.perf.RoundTripLatency;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The outcome of an {@link AeronBenchmark} run: the order round trip's latency percentiles beside the
 * raw ping-pong's and their ratios, pipelined throughput, how it was set up, and where it ran.
 */
public final class AeronBenchmarkResult extends BenchmarkResult
{
    private final AeronBenchmark.Config config;
    private final String commandChannel;
    private final String eventChannel;
    private final String pingChannel;
    private final String pongChannel;
    private final int messageLength;
    private final RoundTripLatency.Percentiles latency;
    private final RoundTripLatency.Percentiles baseline;
    private final double throughputOpsPerSec;
    private final double baselineThroughputOpsPerSec;
    private final long engineBackPressure;

    AeronBenchmarkResult(
        final AeronBenchmark.Config config,
        final String commandChannel,
        final String eventChannel,
        final String pingChannel,
        final String pongChannel,
        final int messageLength,
        final RoundTripLatency.Percentiles latency,
        final RoundTripLatency.Percentiles baseline,
        final double throughputOpsPerSec,
        final double baselineThroughputOpsPerSec,
        final long engineBackPressure,
        final MachineInfo machine)
    {
        super("aeron", machine);
        this.config = config;
        this.commandChannel = commandChannel;
        this.eventChannel = eventChannel;
        this.pingChannel = pingChannel;
        this.pongChannel = pongChannel;
        this.messageLength = messageLength;
        this.latency = latency;
        this.baseline = baseline;
        this.throughputOpsPerSec = throughputOpsPerSec;
        this.baselineThroughputOpsPerSec = baselineThroughputOpsPerSec;
        this.engineBackPressure = engineBackPressure;
    }

    /** Order commands answered per second, pipelined, journal on. */
    public double throughputOpsPerSec()
    {
        return throughputOpsPerSec;
    }

    /** The order round trip, open loop, from each command's scheduled time to the first event answering it. */
    public LatencyPercentiles latency()
    {
        return latency.fromScheduled();
    }

    /** The raw ping-pong over the same channels and driver, open loop at the same rate. */
    public LatencyPercentiles baseline()
    {
        return baseline.fromScheduled();
    }

    /** Pings answered per second, pipelined as the orders are: what the transport alone carries. */
    public double baselineThroughputOpsPerSec()
    {
        return baselineThroughputOpsPerSec;
    }

    public double p50RatioToBaseline()
    {
        return (double)latency().p50Ns() / baseline().p50Ns();
    }

    public double p99RatioToBaseline()
    {
        return (double)latency().p99Ns() / baseline().p99Ns();
    }

    @Override
    protected void putFields(final ObjectNode root)
    {
        root.put("throughputOpsPerSec", Math.round(throughputOpsPerSec));
        putPercentiles(root.putObject("latencyNs"), latency());
        putPercentiles(root.putObject("baselineLatencyNs"), baseline());
        root.put("p50RatioToBaseline", rounded(p50RatioToBaseline()));
        root.put("p99RatioToBaseline", rounded(p99RatioToBaseline()));
        root.put("baselineThroughputOpsPerSec", Math.round(baselineThroughputOpsPerSec));
        final ObjectNode legs = root.putObject("legsNs");
        putLegs(legs.putObject("orders"), latency);
        putLegs(legs.putObject("pingPong"), baseline);
        root.put("offeredRatePerSecond", config.ratePerSecond());
        root.put("latencyRequests", config.latencyRequests());
        root.put("rounds", config.rounds());
        root.put("warmupRequests", config.warmupRequests());
        root.put("throughputOrders", config.throughputOrders());
        root.put("window", config.window());
        root.put("messageLength", messageLength);
        root.put("commandChannel", commandChannel);
        root.put("eventChannel", eventChannel);
        root.put("pingChannel", pingChannel);
        root.put("pongChannel", pongChannel);
        root.put("mediaDriver", "embedded, SHARED threading, backoff idle");
        root.put("idleStrategy", SmallMachineAeron.backoffIdleStrategy().toString());
        root.put("journal", config.journal());
        root.put("syncPolicy", config.syncPolicy().name());
        root.put("engineBackPressure", engineBackPressure);
    }

    private static void putLegs(final ObjectNode legs, final RoundTripLatency.Percentiles percentiles)
    {
        putPercentiles(legs.putObject("sendLate"), percentiles.sendLate());
        putPercentiles(legs.putObject("toServer"), percentiles.toServer());
        putPercentiles(legs.putObject("fromServer"), percentiles.fromServer());
    }

    private static double rounded(final double ratio)
    {
        return Math.round(ratio * 1000) / 1000.0;
    }

    @Override
    protected String title()
    {
        return "Bourse Aeron benchmark (order round trip over UDP loopback against a raw ping-pong)";
    }

    @Override
    protected void appendText(final StringBuilder text)
    {
        text.append(String.format(Locale.ROOT, "engine      commands %s, events %s, %s%n",
            commandChannel, eventChannel, config.journal() ? "journal sync " + config.syncPolicy() : "no journal"));
        text.append(String.format(Locale.ROOT, "ping-pong   pings %s, pongs %s, %d-byte messages%n",
            pingChannel, pongChannel, messageLength));
        text.append("driver      embedded, SHARED threading, backoff idle; the engine and pong threads back off alike\n");
        text.append(String.format(Locale.ROOT,
            "latency     open loop at %,d/s, %,d requests each in %d alternating rounds, ns from each one's scheduled time to its answer%n",
            config.ratePerSecond(), config.latencyRequests(), config.rounds()));
        appendPercentilesHeader(text, "");
        appendPercentilesRow(text, "orders", latency());
        appendPercentilesRow(text, "ping-pong", baseline());
        text.append(String.format(Locale.ROOT, "ratio       p50 %.2f, p99 %.2f (target 1.3)%n",
            p50RatioToBaseline(), p99RatioToBaseline()));
        text.append("legs        ns: the client sending late, to the engine or pong thread taking it up, from then to the answer\n");
        appendPercentilesHeader(text, "");
        appendPercentilesRow(text, "orders late", latency.sendLate());
        appendPercentilesRow(text, "to engine", latency.toServer());
        appendPercentilesRow(text, "from engine", latency.fromServer());
        appendPercentilesRow(text, "pings late", baseline.sendLate());
        appendPercentilesRow(text, "to pong", baseline.toServer());
        appendPercentilesRow(text, "from pong", baseline.fromServer());
        text.append(String.format(Locale.ROOT,
            "throughput  %,.0f order commands/s answered, pipelined with up to %,d unanswered, journal %s (target 500,000)%n",
            throughputOpsPerSec, config.window(), config.journal() ? "on" : "off"));
        text.append(String.format(Locale.ROOT, "            %,.0f pings/s answered, pipelined the same way: the transport's own ceiling%n",
            baselineThroughputOpsPerSec));
    }
}
