package bourse.perf.engine;

import bourse.perf.LatencyPercentiles;
import bourse.perf.MachineInfo;
import bourse.perf.OpenLoop;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The matching engine benchmark: generates an {@link ExchangeCoreWorkload}, measures single-threaded
 * replay throughput (warm-up passes, then the median of measured passes), then open-loop latency at each
 * offered rate. {@code ./bourse bench engine} runs it; so does the perf module's benchmark jar:
 * <pre>
 * java $(cat perf/target/jvm.options) -Xms2g -Xmx2g -XX:+AlwaysPreTouch -jar perf/target/bourse-perf-*-benchmarks.jar [--json]
 * </pre>
 */
public final class EngineBenchmark
{
    private EngineBenchmark()
    {
    }

    /** Runs the whole benchmark, writing one progress line per step to {@code progress}. */
    public static EngineBenchmarkResult run(final Config config, final PrintStream progress)
    {
        config.conclude();
        final MachineInfo machine = MachineInfo.current();
        progress.printf(Locale.ROOT, "generating %,d commands (seed %d)%n", config.commands(), config.seed());
        final long generationStartNs = System.nanoTime();
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(config.seed(), config.commands());
        progress.printf(Locale.ROOT, "generated in %.1f s: %s%n", (System.nanoTime() - generationStartNs) / 1e9, workload.shape());

        final ThroughputHarness throughput = new ThroughputHarness(workload);
        for (int pass = 1; pass <= config.warmupPasses(); pass++)
        {
            final double opsPerSec = throughput.runPass();
            progress.printf(Locale.ROOT, "warm-up pass %d/%d: %,.0f commands/s%n", pass, config.warmupPasses(), opsPerSec);
        }
        final double[] passes = new double[config.measuredPasses()];
        for (int pass = 0; pass < passes.length; pass++)
        {
            passes[pass] = throughput.runPass();
            progress.printf(Locale.ROOT, "measured pass %d/%d: %,.0f commands/s%n", pass + 1, passes.length, passes[pass]);
        }

        final OpenLoopLatencyHarness latencyHarness = new OpenLoopLatencyHarness(workload);
        final List<LatencyPercentiles> latencies = new ArrayList<>();
        final List<LatencyPercentiles> serviceTimes = new ArrayList<>();
        final List<LatencyPercentiles> idleLoops = new ArrayList<>();
        final Histogram latencyHistogram = OpenLoop.newHistogram();
        final Histogram serviceHistogram = OpenLoop.newHistogram();
        for (final long rate : config.offeredRates())
        {
            if (config.warmupPasses() > 0)
            {
                progress.printf(Locale.ROOT, "latency at %,d/s: warm-up run%n", rate);
                latencyHarness.run(rate, latencyHistogram, serviceHistogram);
            }
            latencyHistogram.reset();
            serviceHistogram.reset();
            latencyHarness.run(rate, latencyHistogram, serviceHistogram);
            final LatencyPercentiles latency = new LatencyPercentiles(rate, latencyHistogram);
            latencies.add(latency);
            serviceTimes.add(new LatencyPercentiles(rate, serviceHistogram));
            progress.printf(Locale.ROOT, "latency at %,d/s: p50 %,d ns, p99 %,d ns, p99.99 %,d ns, max %,d ns%n",
                rate, latency.p50Ns(), latency.p99Ns(), latency.p9999Ns(), latency.maxNs());

            latencyHistogram.reset();
            latencyHarness.runIdle(rate, latencyHistogram);
            final LatencyPercentiles idle = new LatencyPercentiles(rate, latencyHistogram);
            idleLoops.add(idle);
            progress.printf(Locale.ROOT, "idle loop at %,d/s: p50 %,d ns, p99 %,d ns, p99.99 %,d ns, max %,d ns%n",
                rate, idle.p50Ns(), idle.p99Ns(), idle.p9999Ns(), idle.maxNs());
        }
        return new EngineBenchmarkResult(
            config.seed(), workload.shape(), passes, median(passes), latencies, serviceTimes, idleLoops, machine);
    }

    /**
     * Runs the benchmark from the command line: {@code [--json] [--seed N] [--commands N] [--warmup N]
     * [--passes N] [--rates R1,R2,...]}. Progress goes to stderr, the result (table, or JSON) to stdout.
     */
    public static void main(final String[] args)
    {
        final Config config = new Config();
        boolean json = false;
        for (int i = 0; i < args.length; i++)
        {
            final String option = args[i];
            if ("--json".equals(option))
            {
                json = true;
                continue;
            }
            if (i + 1 == args.length)
            {
                usage("missing value or unknown option: " + option);
                return;
            }
            final String value = args[++i];
            switch (option)
            {
                case "--seed":
                    config.seed(Long.parseLong(value));
                    break;
                case "--commands":
                    config.commands(Integer.parseInt(value));
                    break;
                case "--warmup":
                    config.warmupPasses(Integer.parseInt(value));
                    break;
                case "--passes":
                    config.measuredPasses(Integer.parseInt(value));
                    break;
                case "--rates":
                    config.offeredRates(value.isBlank() ?
                        new long[0] : Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray());
                    break;
                default:
                    usage("unknown option: " + option);
                    return;
            }
        }
        final EngineBenchmarkResult result = run(config, System.err);
        System.out.println(json ? result.toJson() : result.toText());
    }

    private static void usage(final String problem)
    {
        System.err.println(problem);
        System.err.println("usage: EngineBenchmark [--json] [--seed N] [--commands N] [--warmup N] [--passes N] [--rates R1,R2,...]");
        System.exit(2);
    }

    public static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** What to run, Aeron-context style: fluent setters, defaults, and checks in {@link #conclude()}. */
    public static final class Config extends WorkloadPasses<Config>
    {
        private long[] offeredRates = {1_000_000, 3_000_000};

        public Config()
        {
            super(3_000_000);
        }

        /** Checks the configuration; {@link EngineBenchmark#run} calls it too. */
        public Config conclude()
        {
            concludeWorkloadPasses();
            for (final long rate : offeredRates)
            {
                if (rate < 1 || rate > 1_000_000_000L)
                {
                    throw new IllegalArgumentException("offered rates must be in [1, 1e9] per second: " + rate);
                }
            }
            return this;
        }

        @Override
        protected Config self()
        {
            return this;
        }

        /** Commands per second offered in the latency runs, one run each; none skips latency. */
        public Config offeredRates(final long... perSecond)
        {
            this.offeredRates = perSecond.clone();
            return this;
        }

        public long[] offeredRates()
        {
            return offeredRates.clone();
        }
    }
}
