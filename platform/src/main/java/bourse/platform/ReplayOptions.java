package bourse.platform;

import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalEntryHandler;
import bourse.engine.journal.JournalReadResult;
import bourse.engine.journal.JournalReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the {@code bourse replay} analyses share: the data directory, the sequence range, the
 * instrument and the output format, and reading the output journal from its start (instruments,
 * assets and orders are defined there, whatever {@code --from} says).
 */
final class ReplayOptions
{
    /** How an analysis prints. */
    enum Format
    {
        table, csv, json
    }

    @Parameters(paramLabel = "DATA_DIR", description = "The engine's data directory (with output/).")
    Path dataDirectory;

    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1", description = "First command sequence (default: ${DEFAULT-VALUE}).")
    long fromSequence;

    @Option(names = "--to", paramLabel = "SEQ", defaultValue = "9223372036854775806",
        description = "Last command sequence, inclusive (default: the end).")
    long toSequence;

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument, e.g. BTC-USD.")
    String instrument;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /** Whether an event of this sequence and instrument is selected. */
    boolean selects(final long sequence, final String symbol)
    {
        return sequence >= fromSequence && symbol != null && (instrument == null || instrument.equals(symbol));
    }

    /**
     * Checks the options, then hands every output journal entry up to {@code --to} to the handler.
     *
     * @return the command's exit code: 0, 1 for a damaged journal (reported on stderr), 2 for no journal.
     */
    int readOutputJournal(final CommandSpec spec, final JournalEntryHandler handler)
    {
        if (fromSequence < 1 || toSequence < fromSequence)
        {
            throw new ParameterException(spec.commandLine(), "--from must be at least 1 and --to at least --from");
        }
        return readOutputJournal(spec, dataDirectory, toSequence, handler);
    }

    /** Hands every output journal entry up to {@code lastSequence} to the handler; the exit code as above. */
    static int readOutputJournal(
        final CommandSpec spec, final Path dataDirectory, final long lastSequence, final JournalEntryHandler handler)
    {
        final String command = spec.qualifiedName();
        final Path output = new DataDirectory(dataDirectory).output();
        if (!Files.isDirectory(output))
        {
            spec.commandLine().getErr().println(command + ": " + dataDirectory + " has no output/ journal");
            return 2;
        }
        final JournalReadResult result;
        try (JournalReader reader = new JournalReader(output))
        {
            result = reader.read(1, lastSequence + 1, handler);
        }
        if (result.isCorrupt())
        {
            spec.commandLine().getErr().println(command + ": the journal is damaged from here on: " + result.corruption());
            return 1;
        }
        return 0;
    }
}
