package bourse.platform;

import bourse.perf.journal.JournalBenchmark;
import bourse.perf.journal.JournalBenchmarkResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bourse bench journal}: the perf module's journal benchmark (append, read, and recovery of the
 * whole journal into a fresh engine). The result goes to stdout, as a table or with {@code --json} as
 * exactly one JSON object; progress goes to stderr. The journal lives in a temporary directory that is
 * deleted at the end.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the input journal: append, read, and recovery from it.",
    defaultValueProvider = BenchJournalCommand.ConfigDefaults.class)
final class BenchJournalCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the result as one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--commands", paramLabel = "N", description = "Commands in the journal (default: ${DEFAULT-VALUE}).")
    private int commands;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the workload generator (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--batch", paramLabel = "N", description = "Commands per committed batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--dir", paramLabel = "PATH", description = "Where the temporary journal is made (default: ${DEFAULT-VALUE}).")
    private Path parentDirectory;

    @Option(names = "--no-warmup", description = "Skip the smaller warm-up journal.")
    private boolean noWarmup;

    @Override
    public Integer call()
    {
        final JournalBenchmark.Config config = new JournalBenchmark.Config()
            .seed(seed)
            .commands(commands)
            .batchSize(batchSize)
            .parentDirectory(parentDirectory)
            .warmup(!noWarmup)
            .conclude();
        final JournalBenchmarkResult result = JournalBenchmark.run(config, System.err);
        final PrintWriter out = spec.commandLine().getOut();
        out.println(json ? result.toJson() : result.toText());
        out.flush();
        return 0;
    }

    /** The option defaults are the benchmark's own, so they are defined once, in the perf module. */
    static final class ConfigDefaults implements IDefaultValueProvider
    {
        private final JournalBenchmark.Config defaults = new JournalBenchmark.Config();

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
                case "--batch": return String.valueOf(defaults.batchSize());
                case "--dir": return defaults.parentDirectory().toString();
                default: return null;
            }
        }
    }
}
