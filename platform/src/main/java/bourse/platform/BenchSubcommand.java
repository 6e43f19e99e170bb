package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.RoundTripConfig;
import bourse.perf.engine.WorkloadPasses;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every {@code bourse bench} sub-command does the same way: it runs its perf module benchmark
 * with progress on stderr, then prints the result to stdout as a table or, with {@code --json}, as
 * exactly one JSON object. A sub-command only turns its options into the benchmark's configuration.
 */
abstract class BenchSubcommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the result as one JSON object instead of a table.")
    private boolean json;

    @Override
    public final Integer call()
    {
        final BenchmarkResult result = run(System.err);
        final PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson() : result.toText());
        out.flush();
        return 0;
    }

    /** Runs the benchmark with the options given, writing progress to {@code progress}. */
    abstract BenchmarkResult run(PrintStream progress);

    /** Checks a benchmark's configuration: what it refuses is reported as a bad option. */
    final void check(final Runnable conclude)
    {
        try
        {
            conclude.run();
        }
        catch (final IllegalArgumentException ex)
        {
            throw badOption(ex.getMessage(), ex);
        }
    }

    /** An error in the options, reported as picocli reports its own: usage and exit code 2. */
    final ParameterException badOption(final String message, final Exception cause)
    {
        return new ParameterException(spec.commandLine(), message, cause);
    }

    /**
     * Option defaults read from a benchmark's configuration, so that they are defined once, in the perf
     * module: each sub-command's provider maps its long option names to the defaults' values.
     */
    abstract static class ConfigDefaults implements IDefaultValueProvider
    {
        private final Map<String, String> byOption;

        ConfigDefaults(final Map<String, String> byOption)
        {
            this.byOption = Map.copyOf(byOption);
        }

        /** The defaults of a benchmark that replays the workload in passes: its {@link BenchWorkloadOptions}' and its own. */
        ConfigDefaults(final WorkloadPasses<?> defaults, final Map<String, String> ownByOption)
        {
            this(merged(BenchWorkloadOptions.defaults(defaults), ownByOption));
        }

        /** The defaults of a benchmark of round trips: its {@link BenchRoundTripOptions}' and its own. */
        ConfigDefaults(final RoundTripConfig<?> defaults, final Map<String, String> ownByOption)
        {
            this(merged(BenchRoundTripOptions.defaults(defaults), ownByOption));
        }

        private static Map<String, String> merged(final Map<String, String> shared, final Map<String, String> own)
        {
            final Map<String, String> byOption = new HashMap<>(shared);
            byOption.putAll(own);
            return byOption;
        }

        @Override
        public final String defaultValue(final ArgSpec argSpec)
        {
            return argSpec instanceof OptionSpec option ? byOption.get(option.longestName()) : null;
        }
    }
}
