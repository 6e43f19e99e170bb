package bourse.perf.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of an {@link EngineBenchmark} run: throughput (median of the measured passes), latency
 * percentiles per offered rate, what the workload was, and where it ran.
 */
public final class EngineBenchmarkResult
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final WorkloadShape shape;
    private final double[] passesOpsPerSec;
    private final double throughputOpsPerSec;
    private final List<LatencyPercentiles> latencies;
    private final List<LatencyPercentiles> serviceTimes;
    private final List<LatencyPercentiles> idleLoops;
    private final MachineInfo machine;

    EngineBenchmarkResult(
        final long seed,
        final WorkloadShape shape,
        final double[] passesOpsPerSec,
        final double throughputOpsPerSec,
        final List<LatencyPercentiles> latencies,
        final List<LatencyPercentiles> serviceTimes,
        final List<LatencyPercentiles> idleLoops,
        final MachineInfo machine)
    {
        this.seed = seed;
        this.shape = shape;
        this.passesOpsPerSec = passesOpsPerSec.clone();
        this.throughputOpsPerSec = throughputOpsPerSec;
        this.latencies = List.copyOf(latencies);
        this.serviceTimes = List.copyOf(serviceTimes);
        this.idleLoops = List.copyOf(idleLoops);
        this.machine = machine;
    }

    /** Commands per second, median of the measured passes. */
    public double throughputOpsPerSec()
    {
        return throughputOpsPerSec;
    }

    /** Every measured pass, in the order run. */
    public double[] passesOpsPerSec()
    {
        return passesOpsPerSec.clone();
    }

    /** Open-loop latency from each command's due time: one entry per offered rate, in the order configured. */
    public List<LatencyPercentiles> latencies()
    {
        return latencies;
    }

    /** The engine's own time per command in the same runs, without queueing: one entry per offered rate. */
    public List<LatencyPercentiles> serviceTimes()
    {
        return serviceTimes;
    }

    /** The same open loop without the engine: what the machine alone adds. One entry per offered rate. */
    public List<LatencyPercentiles> idleLoops()
    {
        return idleLoops;
    }

    public WorkloadShape workload()
    {
        return shape;
    }

    /** One JSON object, for machines: see docs/benchmarks.md for the keys. */
    public String toJson()
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "engine");
        root.put("throughputOpsPerSec", Math.round(throughputOpsPerSec));
        putPercentiles(root.putObject("latencyNs"), latencies);
        putPercentiles(root.putObject("serviceNs"), serviceTimes);
        putPercentiles(root.putObject("idleLoopNs"), idleLoops);
        root.put("commands", shape.commands());
        root.put("rejects", shape.rejects());
        root.put("restingOrders", Math.round(shape.meanRestingOrders()));
        root.put("priceLevels", Math.round(shape.meanPriceLevels()));
        root.put("seed", seed);
        root.put("javaVersion", machine.javaVersion());
        root.put("cores", machine.cores());
        root.put("cpu", machine.cpu());
        root.put("date", machine.date());
        final ArrayNode jvmArguments = root.putArray("jvmArguments");
        machine.jvmArguments().forEach(jvmArguments::add);
        try
        {
            return JSON.writeValueAsString(root);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("a tree of plain values always serialises", ex);
        }
    }

    private static void putPercentiles(final ObjectNode byRate, final List<LatencyPercentiles> runs)
    {
        for (final LatencyPercentiles run : runs)
        {
            byRate.putObject(Long.toString(run.offeredRatePerSecond()))
                .put("p50", run.p50Ns())
                .put("p90", run.p90Ns())
                .put("p99", run.p99Ns())
                .put("p999", run.p999Ns())
                .put("p9999", run.p9999Ns())
                .put("max", run.maxNs());
        }
    }

    /** A table for people. */
    public String toText()
    {
        final StringBuilder text = new StringBuilder();
        text.append("Bourse matching engine benchmark (exchange-core mix: 9% GTC, 3% IOC, 6% cancel, 82% amend)\n");
        text.append(String.format(Locale.ROOT, "workload    %,d commands, seed %d: %,d GTC, %,d IOC, %,d cancels, %,d amends%n",
            shape.commands(), seed, shape.gtcOrders(), shape.iocOrders(), shape.cancels(), shape.amends()));
        text.append(String.format(Locale.ROOT,
            "            %,d rejects (%.4f%%), %,d trades from %,d commands (%.1f%%), %.0f resting orders and %.0f price levels on average%n",
            shape.rejects(), 100 * shape.rejectRate(), shape.trades(), shape.tradingCommands(),
            100.0 * shape.tradingCommands() / shape.commands(), shape.meanRestingOrders(), shape.meanPriceLevels()));
        text.append(String.format(Locale.ROOT, "machine     %d cores, %s, Java %s, %s%n",
            machine.cores(), machine.cpu(), machine.javaVersion(), machine.date()));
        text.append(String.format(Locale.ROOT, "throughput  %,.0f commands/s (median of %d passes:",
            throughputOpsPerSec, passesOpsPerSec.length));
        for (final double pass : passesOpsPerSec)
        {
            text.append(String.format(Locale.ROOT, " %,.0f", pass));
        }
        text.append(")\n");
        if (!latencies.isEmpty())
        {
            text.append("latency     open loop, ns from each command's scheduled time to its events handed over\n");
            appendTable(text, latencies);
            text.append("service     ns the engine itself took per command in the same runs (no queueing)\n");
            appendTable(text, serviceTimes);
            text.append("idle loop   ns late in the same open loop without the engine: the machine's own stalls\n");
            appendTable(text, idleLoops);
        }
        return text.toString();
    }

    private static void appendTable(final StringBuilder text, final List<LatencyPercentiles> runs)
    {
        text.append(String.format(Locale.ROOT, "%14s %11s %11s %11s %11s %11s %11s%n",
            "offered/s", "p50", "p90", "p99", "p99.9", "p99.99", "max"));
        for (final LatencyPercentiles run : runs)
        {
            text.append(String.format(Locale.ROOT, "%,14d %,11d %,11d %,11d %,11d %,11d %,11d%n",
                run.offeredRatePerSecond(), run.p50Ns(), run.p90Ns(), run.p99Ns(), run.p999Ns(), run.p9999Ns(), run.maxNs()));
        }
    }
}
