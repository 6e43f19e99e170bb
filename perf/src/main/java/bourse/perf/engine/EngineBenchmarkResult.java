package bourse.perf.engine;

import bourse.perf.BenchmarkResult;
import bourse.perf.LatencyPercentiles;
import bourse.perf.MachineInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of an {@link EngineBenchmark} run: throughput (median of the measured passes), latency
 * percentiles per offered rate, what the workload was, and where it ran.
 */
public final class EngineBenchmarkResult extends BenchmarkResult
{
    private final long seed;
    private final WorkloadShape shape;
    private final double[] passesOpsPerSec;
    private final double throughputOpsPerSec;
    private final List<LatencyPercentiles> latencies;
    private final List<LatencyPercentiles> serviceTimes;
    private final List<LatencyPercentiles> idleLoops;

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
        super("engine", machine);
        this.seed = seed;
        this.shape = shape;
        this.passesOpsPerSec = passesOpsPerSec.clone();
        this.throughputOpsPerSec = throughputOpsPerSec;
        this.latencies = List.copyOf(latencies);
        this.serviceTimes = List.copyOf(serviceTimes);
        this.idleLoops = List.copyOf(idleLoops);
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

    @Override
    protected void putFields(final ObjectNode root)
    {
        root.put("throughputOpsPerSec", Math.round(throughputOpsPerSec));
        putByRate(root.putObject("latencyNs"), latencies);
        putByRate(root.putObject("serviceNs"), serviceTimes);
        putByRate(root.putObject("idleLoopNs"), idleLoops);
        root.put("commands", shape.commands());
        root.put("rejects", shape.rejects());
        root.put("restingOrders", Math.round(shape.meanRestingOrders()));
        root.put("priceLevels", Math.round(shape.meanPriceLevels()));
        root.put("seed", seed);
    }

    private static void putByRate(final ObjectNode byRate, final List<LatencyPercentiles> runs)
    {
        for (final LatencyPercentiles run : runs)
        {
            putPercentiles(byRate.putObject(Long.toString(run.offeredRatePerSecond())), run);
        }
    }

    @Override
    protected String title()
    {
        return "Bourse matching engine benchmark (exchange-core mix: 9% GTC, 3% IOC, 6% cancel, 82% amend)";
    }

    @Override
    protected void appendText(final StringBuilder text)
    {
        text.append(String.format(Locale.ROOT, "workload    %,d commands, seed %d: %,d GTC, %,d IOC, %,d cancels, %,d amends%n",
            shape.commands(), seed, shape.gtcOrders(), shape.iocOrders(), shape.cancels(), shape.amends()));
        text.append(String.format(Locale.ROOT,
            "            %,d rejects (%.4f%%), %,d trades from %,d commands (%.1f%%), %.0f resting orders and %.0f price levels on average%n",
            shape.rejects(), 100 * shape.rejectRate(), shape.trades(), shape.tradingCommands(),
            100.0 * shape.tradingCommands() / shape.commands(), shape.meanRestingOrders(), shape.meanPriceLevels()));
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
    }

    private static void appendTable(final StringBuilder text, final List<LatencyPercentiles> runs)
    {
        appendPercentilesHeader(text, "offered/s");
        for (final LatencyPercentiles run : runs)
        {
            appendPercentilesRow(text, String.format(Locale.ROOT, "%,d", run.offeredRatePerSecond()), run);
        }
    }
}
