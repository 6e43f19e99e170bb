package bourse.platform;

import bourse.perf.engine.WorkloadPasses;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * The options of a benchmark that replays the exchange-core workload in passes ({@link WorkloadPasses}):
 * {@code --commands}, {@code --seed}, {@code --warmup} and {@code --passes}, mixed into its sub-command.
 */
final class BenchWorkloadOptions
{
    @Option(names = "--commands", paramLabel = "N", description = "Commands in the workload (default: ${DEFAULT-VALUE}).")
    private int commands;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the workload generator (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up passes (default: ${DEFAULT-VALUE}).")
    private int warmupPasses;

    @Option(names = "--passes", paramLabel = "N", description = "Measured passes; the median counts (default: ${DEFAULT-VALUE}).")
    private int measuredPasses;

    /** Sets the options on {@code config}. */
    <C extends WorkloadPasses<C>> C applyTo(final C config)
    {
        return config.commands(commands).seed(seed).warmupPasses(warmupPasses).measuredPasses(measuredPasses);
    }

    /** The options' defaults, by long name, read from a benchmark's default configuration. */
    static Map<String, String> defaults(final WorkloadPasses<?> defaults)
    {
        return Map.of(
            "--commands", String.valueOf(defaults.commands()),
            "--seed", String.valueOf(defaults.seed()),
            "--warmup", String.valueOf(defaults.warmupPasses()),
            "--passes", String.valueOf(defaults.measuredPasses()));
    }
}
