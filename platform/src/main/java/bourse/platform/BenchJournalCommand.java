package bourse.platform;

import bourse.perf.BenchmarkResult;
import bourse.perf.journal.JournalBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code bourse bench journal}: the perf module's journal benchmark (append, read, and recovery of the
 * whole journal into a fresh engine). The journal lives in a temporary directory that is deleted at
 * the end.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Benchmarks the input journal: append, read, and recovery from it.",
    defaultValueProvider = BenchJournalCommand.Defaults.class)
final class BenchJournalCommand extends BenchSubcommand
{
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
    BenchmarkResult run(final PrintStream progress)
    {
        final JournalBenchmark.Config config = new JournalBenchmark.Config()
            .seed(seed)
            .commands(commands)
            .batchSize(batchSize)
            .parentDirectory(parentDirectory)
            .warmup(!noWarmup)
            .conclude();
        return JournalBenchmark.run(config, progress);
    }

    static final class Defaults extends ConfigDefaults
    {
        Defaults()
        {
            this(new JournalBenchmark.Config());
        }

        private Defaults(final JournalBenchmark.Config defaults)
        {
            super(Map.of(
                "--commands", String.valueOf(defaults.commands()),
                "--seed", String.valueOf(defaults.seed()),
                "--batch", String.valueOf(defaults.batchSize()),
                "--dir", defaults.parentDirectory().toString()));
        }
    }
}
