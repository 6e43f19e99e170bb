package bourse.platform;

import bourse.engine.journal.JournalEntryHandler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;

/**
 * What the {@code bourse replay} analyses share: the journal they read, the range by sequence or
 * time, the instrument and the output format.
 */
final class ReplayOptions
{
    /** How an analysis prints. */
    enum Format
    {
        table, csv, json
    }

    @Mixin
    ReplayJournal journal;

    @Option(names = "--from", paramLabel = "SEQ|TIME", defaultValue = "1", converter = ReplayBound.Converter.class,
        description = "First command: a sequence number, or an ISO-8601 instant (the first command stamped at or after it), " +
            "e.g. 2026-11-25T17:50:00Z (default: ${DEFAULT-VALUE}).")
    ReplayBound from;

    @Option(names = "--to", paramLabel = "SEQ|TIME", converter = ReplayBound.Converter.class,
        description = "Last command, inclusive: a sequence number, or an ISO-8601 instant (the last command stamped at or " +
            "before it), e.g. 2026-11-25T17:55:00.5+01:00 (default: the end).")
    ReplayBound to;

    @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument, e.g. BTC-USD.")
    String instrument;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /**
     * Where the analysis prints: the command's stdout, without picocli's flush after every line (a
     * system call per row, most of the time of a long listing). Flush it at the end.
     */
    static PrintWriter out(final CommandSpec spec)
    {
        return new PrintWriter(spec.commandLine().getOut(), false);
    }

    /** Whether the event being handled is in the range and of the selected instrument. */
    boolean selects(final String symbol)
    {
        return journal.inRange() && symbol != null && (instrument == null || instrument.equals(symbol));
    }

    /** Whether the event being handled is in the range. */
    boolean inRange()
    {
        return journal.inRange();
    }

    /**
     * Checks the range, then hands every output journal entry up to {@code --to} to the handler.
     *
     * @param printing when the analysis prints, for the default of {@code --progress}.
     * @return the command's exit code: 0, 1 for a damaged journal (reported on stderr), 2 for no journal.
     */
    int readOutputJournal(final CommandSpec spec, final ReplayJournal.Printing printing, final JournalEntryHandler handler)
    {
        if (to != null && from.byTime() == to.byTime() && to.value() < from.value())
        {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        return journal.read(spec, printing, from, to, handler);
    }
}
