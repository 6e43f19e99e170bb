package bourse.platform;

import bourse.perf.engine.EngineBenchmark;
import bourse.perf.engine.EngineBenchmarkResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code bourse bench engine}: the perf module's matching engine benchmark (single-threaded replay
 * throughput, then open-loop latency at offered rates). The result goes to stdout, as a table or with
 * {@code --json} as exactly one JSON object; progress goes to stderr.
 */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the matching engine: replay throughput, then latency at offered rates.",
    defaultValueProvider = BenchEngineCommand.ConfigDefaults.class)
final class BenchEngineCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the result as one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--commands", paramLabel = "N", description = "Commands in the workload (default: ${DEFAULT-VALUE}).")
    private int commands;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the workload generator (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up passes (default: ${DEFAULT-VALUE}).")
    private int warmupPasses;

    @Option(names = "--passes", paramLabel = "N", description = "Measured passes; the median counts (default: ${DEFAULT-VALUE}).")
    private int measuredPasses;

    @Option(names = "--rates", paramLabel = "PER_SECOND,...",
        description = "Offered rates of the latency runs, comma separated; '' skips them (default: ${DEFAULT-VALUE}).")
    private String offeredRates;

    @Override
    public Integer call()
    {
        final EngineBenchmark.Config config = new EngineBenchmark.Config()
            .seed(seed)
            .commands(commands)
            .warmupPasses(warmupPasses)
            .measuredPasses(measuredPasses)
            .offeredRates(parseRates(offeredRates))
            .conclude();
        final EngineBenchmarkResult result = EngineBenchmark.run(config, System.err);
        final PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson() : result.toText());
        out.flush();
        return 0;
    }

    private long[] parseRates(final String rates)
    {
        if (rates.isBlank())
        {
            return new long[0];
        }
        try
        {
            return Arrays.stream(rates.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
        }
        catch (final NumberFormatException ex)
        {
            throw new ParameterException(spec.commandLine(), "--rates must be comma-separated whole numbers: '" + rates + "'", ex);
        }
    }

    /** The option defaults are the benchmark's own, so they are defined once, in the perf module. */
    static final class ConfigDefaults implements IDefaultValueProvider
    {
        private final EngineBenchmark.Config defaults = new EngineBenchmark.Config();

        @Override
        public String defaultValue(final ArgSpec argSpec)
        {
            if (!(argSpec instanceof OptionSpec))
            {
                return null;
            }
            switch (((OptionSpec)argSpec).longestName())
            {
                case "--commands": return String.valueOf(defaults.commands());
                case "--seed": return String.valueOf(defaults.seed());
                case "--warmup": return String.valueOf(defaults.warmupPasses());
                case "--passes": return String.valueOf(defaults.measuredPasses());
                case "--rates":
                    return Arrays.stream(defaults.offeredRates()).mapToObj(String::valueOf).collect(Collectors.joining(","));
                default: return null;
            }
        }
    }
}
