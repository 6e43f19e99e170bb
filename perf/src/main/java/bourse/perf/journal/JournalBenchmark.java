package bourse.perf.journal;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.EngineRecovery;
import bourse.engine.journal.InputJournal;
import bourse.engine.journal.JournalContext;
import bourse.engine.journal.JournalReadResult;
import bourse.engine.journal.JournalReader;
import bourse.engine.journal.RecoveredEngine;
import bourse.perf.MachineInfo;
import bourse.perf.ScratchDirectory;
import bourse.perf.engine.ExchangeCoreWorkload;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The journal benchmark: appends an {@link ExchangeCoreWorkload} to an input journal in a temporary
 * directory (batches of {@link Config#batchSize()} commands, as the engine service commits one batch per
 * poll), reads it back with every batch checked, then recovers an engine from it with
 * {@link EngineRecovery} and no snapshot, timing each. The journal is deleted at the end, so the disk
 * holds at most one journal of the configured size (about 100 bytes per command) while it runs.
 * {@code ./bourse bench journal} runs it.
 */
public final class JournalBenchmark
{
    private JournalBenchmark()
    {
    }

    /** Runs the whole benchmark, writing one progress line per step to {@code progress}. */
    public static JournalBenchmarkResult run(final Config config, final PrintStream progress)
    {
        config.conclude();
        final MachineInfo machine = MachineInfo.current();
        progress.printf(Locale.ROOT, "generating %,d commands (seed %d)%n", config.commands(), config.seed());
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(config.seed(), config.commands());
        final int entries = workload.totalCommandCount();
        try (ScratchDirectory scratch = new ScratchDirectory(config.parentDirectory(), "bourse-journal-bench-"))
        {
            if (config.warmup())
            {
                final Path warmup = scratch.resolve("warm-up");
                final int warmupEntries = Math.min(entries, 1_000_000);
                progress.printf(Locale.ROOT, "warm-up: appending and reading %,d commands%n", warmupEntries);
                append(workload, warmupEntries, warmup, config.batchSize());
                read(warmup);
                ScratchDirectory.delete(warmup);
            }

            final Path journal = scratch.resolve("input");
            final long appendNs = append(workload, entries, journal, config.batchSize());
            final double appendOpsPerSec = entries * 1e9 / appendNs;
            final long journalBytes = sizeOf(journal);
            progress.printf(Locale.ROOT, "appended %,d commands in %.2f s: %,.0f commands/s, %,d bytes on disk%n",
                entries, appendNs / 1e9, appendOpsPerSec, journalBytes);

            final long readStartNs = System.nanoTime();
            final long read = read(journal);
            final long readNs = System.nanoTime() - readStartNs;
            final double readOpsPerSec = read * 1e9 / readNs;
            progress.printf(Locale.ROOT, "read and checked %,d entries in %.2f s: %,.0f entries/s%n", read, readNs / 1e9, readOpsPerSec);

            final RecoveredEngine recovered = EngineRecovery.recover(new EngineRecovery.Context()
                .engineContext(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }))
                .inputJournalDirectory(journal));
            final double recoverySeconds = recovered.report().elapsedNs() / 1e9;
            progress.printf(Locale.ROOT, "recovered %,d commands in %.2f s (final sequence %d, state hash %016x)%n",
                recovered.report().entriesReplayed(), recoverySeconds, recovered.report().finalSequence(),
                recovered.report().stateHash());
            if (recovered.report().stoppedAtCorruption() || recovered.report().entriesReplayed() != entries)
            {
                throw new IllegalStateException("recovery did not replay the whole journal: " + recovered.report());
            }
            return new JournalBenchmarkResult(config.seed(), config.batchSize(), entries, journalBytes,
                appendOpsPerSec, readOpsPerSec, recoverySeconds, recoverySeconds * 10_000_000 / entries, machine);
        }
    }

    /**
     * Runs the benchmark from the command line: {@code [--json] [--seed N] [--commands N] [--batch N]
     * [--dir PATH]}. Progress goes to stderr, the result to stdout.
     */
    public static void main(final String[] args)
    {
        final Config config = new Config();
        boolean json = false;
        for (int i = 0; i < args.length; i++)
        {
            if ("--json".equals(args[i]))
            {
                json = true;
                continue;
            }
            if (i + 1 == args.length)
            {
                usage("missing value or unknown option: " + args[i]);
                return;
            }
            final String value = args[++i];
            switch (args[i - 1])
            {
                case "--seed" -> config.seed(Long.parseLong(value));
                case "--commands" -> config.commands(Integer.parseInt(value));
                case "--batch" -> config.batchSize(Integer.parseInt(value));
                case "--dir" -> config.parentDirectory(Path.of(value));
                default ->
                {
                    usage("unknown option: " + args[i - 1]);
                    return;
                }
            }
        }
        final JournalBenchmarkResult result = run(config, System.err);
        System.out.println(json ? result.toJson() : result.toText());
    }

    private static void usage(final String problem)
    {
        System.err.println(problem);
        System.err.println("usage: JournalBenchmark [--json] [--seed N] [--commands N] [--batch N] [--dir PATH]");
        System.exit(2);
    }

    private static long append(final ExchangeCoreWorkload workload, final int entries, final Path directory, final int batchSize)
    {
        final DirectBuffer buffer = workload.buffer();
        final long startNs = System.nanoTime();
        try (InputJournal journal = new InputJournal(new JournalContext().directory(directory)))
        {
            int inBatch = 0;
            for (int i = 0; i < entries; i++)
            {
                journal.append(buffer, workload.offset(i), workload.length(i));
                if (++inBatch == batchSize)
                {
                    journal.commitBatch();
                    inBatch = 0;
                }
            }
            journal.commitBatch();
        }
        return System.nanoTime() - startNs;
    }

    /** Reads every entry, summing the timestamps so the reads cannot be optimised away. */
    private static long read(final Path directory)
    {
        final long[] timestampSum = new long[1];
        try (JournalReader reader = new JournalReader(directory))
        {
            final JournalReadResult result = reader.read(1, Long.MAX_VALUE,
                (sequence, timestampNs, buffer, offset, length) -> timestampSum[0] += timestampNs + buffer.getByte(offset));
            if (result.isCorrupt() || timestampSum[0] == 0)
            {
                throw new IllegalStateException("the journal just written does not read back: " + result);
            }
            return result.entriesRead();
        }
    }

    private static long sizeOf(final Path directory)
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            // Chronicle pre-allocates sparse files: count the blocks really used, not the nominal size.
            return files.filter(Files::isRegularFile).mapToLong(JournalBenchmark::allocatedBytes).sum();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static long allocatedBytes(final Path file)
    {
        try
        {
            final Object blocks = Files.getAttribute(file, "unix:blocks");
            return blocks instanceof Long ? (Long)blocks * 512 : Files.size(file);
        }
        catch (final IOException | UnsupportedOperationException | IllegalArgumentException ex)
        {
            try
            {
                return Files.size(file);
            }
            catch (final IOException sizeFailure)
            {
                throw new UncheckedIOException(sizeFailure);
            }
        }
    }

    /** What to run, Aeron-context style: fluent setters, defaults, and checks in {@link #conclude()}. */
    public static final class Config
    {
        private long seed = 42;
        private int commands = 10_000_000;
        private int batchSize = 16;
        private boolean warmup = true;
        private Path parentDirectory = Path.of(System.getProperty("java.io.tmpdir"));

        /** Checks the configuration; {@link JournalBenchmark#run} calls it too. */
        public Config conclude()
        {
            if (commands < 1 || commands > ExchangeCoreWorkload.maxBenchmarkCommands())
            {
                throw new IllegalArgumentException(
                    "commands must be in [1, " + ExchangeCoreWorkload.maxBenchmarkCommands() + "]: " + commands);
            }
            if (batchSize < 1 || batchSize > 1_000)
            {
                throw new IllegalArgumentException("batchSize must be in [1, 1000]: " + batchSize);
            }
            if (parentDirectory == null)
            {
                throw new IllegalArgumentException("parentDirectory must be set");
            }
            return this;
        }

        public Config seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        public long seed()
        {
            return seed;
        }

        /** Benchmark commands, after the workload's setup prefix; both are journaled. */
        public Config commands(final int commands)
        {
            this.commands = commands;
            return this;
        }

        public int commands()
        {
            return commands;
        }

        /** Commands per committed batch (one Chronicle document). */
        public Config batchSize(final int batchSize)
        {
            this.batchSize = batchSize;
            return this;
        }

        public int batchSize()
        {
            return batchSize;
        }

        /** Whether to append and read a smaller journal first, so the measured run is JIT-compiled. */
        public Config warmup(final boolean warmup)
        {
            this.warmup = warmup;
            return this;
        }

        public boolean warmup()
        {
            return warmup;
        }

        /** Where the temporary journal directory is made (and deleted afterwards). */
        public Config parentDirectory(final Path parentDirectory)
        {
            this.parentDirectory = parentDirectory;
            return this;
        }

        public Path parentDirectory()
        {
            return parentDirectory;
        }
    }
}
