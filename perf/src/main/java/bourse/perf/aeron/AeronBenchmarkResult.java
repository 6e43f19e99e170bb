package bourse.perf.aeron;

import bourse.perf.MachineInfo;
import bourse.perf.RoundTripLatency;
import bourse.perf.RoundTripResult;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The outcome of an {@link AeronBenchmark} run: the order round trip's latency percentiles beside the
 * raw ping-pong's and their ratios, pipelined throughput, how it was set up, and where it ran.
 */
public final class AeronBenchmarkResult extends RoundTripResult
{
    private final AeronBenchmark.Config config;
    private final String pingChannel;
    private final String pongChannel;
    private final int messageLength;
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
        super("aeron", machine, config, commandChannel, eventChannel, latency, baseline, throughputOpsPerSec,
            baselineThroughputOpsPerSec);
        this.config = config;
        this.pingChannel = pingChannel;
        this.pongChannel = pongChannel;
        this.messageLength = messageLength;
        this.engineBackPressure = engineBackPressure;
    }

    @Override
    protected String legsName()
    {
        return "orders";
    }

    @Override
    protected void putOwnFields(final ObjectNode root)
    {
        root.put("messageLength", messageLength);
        root.put("pingChannel", pingChannel);
        root.put("pongChannel", pongChannel);
        root.put("mediaDriver", "embedded, SHARED threading, backoff idle");
        root.put("engineBackPressure", engineBackPressure);
    }

    @Override
    protected String title()
    {
        return "Bourse Aeron benchmark (order round trip over UDP loopback against a raw ping-pong)";
    }

    @Override
    protected void appendText(final StringBuilder text)
    {
        appendEngineLine(text);
        text.append(String.format(Locale.ROOT, "ping-pong   pings %s, pongs %s, %d-byte messages%n",
            pingChannel, pongChannel, messageLength));
        text.append("driver      embedded, SHARED threading, backoff idle; the engine and pong threads idle alike\n");
        appendLatencyHeader(text);
        appendPercentilesRow(text, "orders", latency());
        appendPercentilesRow(text, "ping-pong", baseline());
        text.append(String.format(Locale.ROOT, "ratio       p50 %.2f, p99 %.2f (target 1.3)%n",
            p50RatioToBaseline(), p99RatioToBaseline()));
        text.append("legs        ns: the client sending late, to the engine or pong thread taking it up, from then to the answer\n");
        appendPercentilesHeader(text, "");
        appendLegRows(text, "orders late", "to engine", "from engine");
        appendBaselineLegRows(text, "to pong", "from pong");
        text.append(String.format(Locale.ROOT,
            "throughput  %,.0f order commands/s answered, pipelined with up to %,d unanswered, journal %s (target 500,000)%n",
            throughputOpsPerSec(), config.window(), config.journal() ? "on" : "off"));
        text.append(String.format(Locale.ROOT, "            %,.0f pings/s answered, pipelined the same way: the transport's own ceiling%n",
            baselineThroughputOpsPerSec()));
    }
}
