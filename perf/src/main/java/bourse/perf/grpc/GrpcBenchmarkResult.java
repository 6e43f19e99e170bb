package bourse.perf.grpc;

import bourse.engine.service.EngineService;
import bourse.perf.LatencyPercentiles;
import bourse.perf.MachineInfo;
import bourse.perf.RoundTripLatency;
import bourse.perf.RoundTripResult;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The outcome of a {@link GrpcBenchmark} run: the order round trip through session streams and through
 * unary calls beside the raw gRPC ping-pong's, their ratios, throughput on several streams, what was
 * refused, how it was set up, and where it ran.
 */
public final class GrpcBenchmarkResult extends RoundTripResult
{
    /** The targets: the session round trip's p50 within this of the ping-pong's, and orders acknowledged per second. */
    public static final double TARGET_P50_RATIO = 1.5;
    public static final long TARGET_THROUGHPUT = 50_000;

    private final GrpcBenchmark.Config config;
    private final GrpcPingPong.MessageSizes sizes;
    private final RoundTripLatency.Percentiles unary;
    private final Refused refused;
    private final long engineBackPressure;

    /**
     * Orders the engine rejected and requests the gateway refused, in the measured runs (latency rounds and
     * throughput) and in the whole run (warm-up included), and the first of them.
     */
    record Refused(long measuredRejects, long measuredErrors, long rejects, long errors, String first)
    {
    }

    GrpcBenchmarkResult(
        final GrpcBenchmark.Config config,
        final EngineService.Context engine,
        final GrpcPingPong.MessageSizes sizes,
        final RoundTripLatency.Percentiles session,
        final RoundTripLatency.Percentiles unary,
        final RoundTripLatency.Percentiles baseline,
        final double throughputOpsPerSec,
        final double baselineThroughputOpsPerSec,
        final Refused refused,
        final long engineBackPressure,
        final MachineInfo machine)
    {
        super("grpc", machine, config, engine.commandChannel(), engine.eventChannel(), session, baseline, throughputOpsPerSec,
            baselineThroughputOpsPerSec);
        this.config = config;
        this.sizes = sizes;
        this.unary = unary;
        this.refused = refused;
        this.engineBackPressure = engineBackPressure;
    }

    /** The order round trip through unary SubmitOrder calls, from each call's scheduled time to its response. */
    public LatencyPercentiles unaryLatency()
    {
        return unary.fromScheduled();
    }

    /** Rejects and refusals in the measured runs: none is expected, and any makes the figures suspect. */
    public long measuredRefusals()
    {
        return refused.measuredRejects() + refused.measuredErrors();
    }

    @Override
    protected String legsName()
    {
        return "session";
    }

    @Override
    protected void putOwnLatencies(final ObjectNode root)
    {
        putPercentiles(root.putObject("unaryLatencyNs"), unaryLatency());
    }

    @Override
    protected void putOwnLegs(final ObjectNode legs)
    {
        putLegs(legs.putObject("unary"), unary);
    }

    @Override
    protected void putOwnFields(final ObjectNode root)
    {
        root.put("unaryP50RatioToBaseline", rounded(ratio(unaryLatency().p50Ns(), baseline().p50Ns())));
        root.put("unaryP99RatioToBaseline", rounded(ratio(unaryLatency().p99Ns(), baseline().p99Ns())));
        root.put("measuredRejects", refused.measuredRejects());
        root.put("measuredErrors", refused.measuredErrors());
        root.put("rejects", refused.rejects());
        root.put("errors", refused.errors());
        if (refused.first() != null)
        {
            root.put("firstRefusal", refused.first());
        }
        root.put("streams", config.streams());
        final ObjectNode messageBytes = root.putObject("messageBytes");
        messageBytes.put("makerRequest", sizes.makerRequest())
            .put("takerRequest", sizes.takerRequest())
            .put("makerResponse", sizes.makerResponse())
            .put("takerResponse", sizes.takerResponse());
        root.put("engineBackPressure", engineBackPressure);
    }

    @Override
    protected String title()
    {
        return "Bourse gRPC benchmark (order round trip through the gateway against a raw gRPC ping-pong)";
    }

    @Override
    protected void appendText(final StringBuilder text)
    {
        appendEngineLine(text);
        text.append(String.format(Locale.ROOT, "ping-pong   grpc-java bidi stream on the same transport, requests %d/%d bytes, " +
            "responses %d/%d bytes (maker/taker orders)%n", sizes.makerRequest(), sizes.takerRequest(), sizes.makerResponse(),
            sizes.takerResponse()));
        appendLatencyHeader(text);
        appendPercentilesRow(text, "session", latency());
        appendPercentilesRow(text, "unary", unaryLatency());
        appendPercentilesRow(text, "ping-pong", baseline());
        text.append(String.format(Locale.ROOT, "ratio       session p50 %.2f (target %.1f), p99 %.2f; unary p50 %.2f, p99 %.2f%n",
            p50RatioToBaseline(), TARGET_P50_RATIO, p99RatioToBaseline(), ratio(unaryLatency().p50Ns(), baseline().p50Ns()),
            ratio(unaryLatency().p99Ns(), baseline().p99Ns())));
        text.append("legs        ns: the client sending late, to the engine or pong handler taking it up, from then to the answer\n");
        appendPercentilesHeader(text, "");
        appendLegRows(text, "session late", "to engine", "from engine");
        appendLegRows(text, unary, "unary late", "to engine", "from engine");
        appendBaselineLegRows(text, "to pong", "from pong");
        text.append(String.format(Locale.ROOT,
            "throughput  %,.0f orders/s acknowledged on %d session streams, up to %,d unacknowledged each, journal %s (target %,d)%n",
            throughputOpsPerSec(), config.streams(), config.window(), config.journal() ? "on" : "off", TARGET_THROUGHPUT));
        text.append(String.format(Locale.ROOT, "            %,.0f pings/s answered, pipelined the same way: the transport's own ceiling%n",
            baselineThroughputOpsPerSec()));
        if (measuredRefusals() > 0)
        {
            text.append(String.format(Locale.ROOT,
                "REFUSED     %,d orders rejected and %,d requests refused in the measured runs: the figures include quick refusals. First: %s%n",
                refused.measuredRejects(), refused.measuredErrors(), refused.first()));
        }
    }
}
