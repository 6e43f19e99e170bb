package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.engine.EngineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code bourse bench engine}: the perf module's matching engine benchmark (single-threaded replay
 * throughput, then open-loop latency at offered rates).
 */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the matching engine: replay throughput, then latency at offered rates.",
    defaultValueProvider = BenchEngineCommand.Defaults.class)
final class BenchEngineCommand extends BenchSubcommand
{
    @Mixin
    private BenchWorkloadOptions workload;

    @Option(names = "--rates", paramLabel = "PER_SECOND,...",
        description = "Offered rates of the latency runs, comma separated; '' skips them (default: ${DEFAULT-VALUE}).")
    private String offeredRates;

    @Override
    BenchmarkResult run(final PrintStream progress)
    {
        final EngineBenchmark.Config config = workload.applyTo(new EngineBenchmark.Config())
            .offeredRates(parseRates(offeredRates))
            .conclude();
        return EngineBenchmark.run(config, progress);
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
            throw badOption("--rates must be comma-separated whole numbers: '" + rates + "'", ex);
        }
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            this(new EngineBenchmark.Config());
        }

        private Defaults(final EngineBenchmark.Config defaults)
        {
            super(defaults, Map.of(
                "--rates", Arrays.stream(defaults.offeredRates()).mapToObj(String::valueOf).collect(Collectors.joining(","))));
        }
    }
}
