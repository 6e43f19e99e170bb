package bourse.platform;

import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalEntryHandler;
import bourse.engine.journal.JournalReadResult;
import bourse.engine.journal.JournalReader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemNanoClock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output journal a {@code bourse replay} analysis reads, and how: from its start (instruments,
 * assets and orders are defined there, whatever {@code --from} says) to the end of a range given by
 * sequence or time, a slice of sequences at a time so that a time bound ends the read soon after it is
 * passed, with a progress bar on stderr when asked or when stderr is a terminal. It reads what is
 * committed when it gets there, so it works on a journal the engine is still writing: the result is a
 * consistent prefix of what the engine will have written.
 */
final class ReplayJournal implements JournalEntryHandler
{
    /** Sequences per read: small enough for a time bound to end the read soon, large enough to cost nothing. */
    private static final long SLICE = 1 << 18;
    /** Entries between two looks at the clock for the progress bar. */
    private static final long PROGRESS_MASK = (1 << 12) - 1;

    @Parameters(paramLabel = "DATA_DIR", description = "The engine's data directory (with output/).")
    Path dataDirectory;

    @Option(names = "--progress", negatable = true,
        description = "A progress bar on stderr while reading (default: when stderr is a terminal and stdout is not " +
            "the terminal the rows scroll on).")
    Boolean progress;

    /** When an analysis prints: what the default of {@code --progress} depends on. */
    enum Printing
    {
        /** Row by row while it reads: on a terminal the rows show the progress, and a bar would tangle with them. */
        WHILE_READING,
        /** Once it has read: nothing to tangle with, the bar is erased first. */
        AFTER_READING
    }

    private ReplayBound from;
    private ReplayBound to;
    private JournalEntryHandler handler;
    private ReplayProgress bar;
    private long barEnd;
    private boolean inRange;
    private boolean ended;
    private long lastSequence;
    private long lastTimestampNs;

    /**
     * Hands every output journal entry up to {@code to} to the handler, in order; during each call,
     * {@link #inRange()} says whether the entry is also at or after {@code from}.
     *
     * @param printing when the analysis prints, for the default of {@code --progress}.
     * @param from the first command of the range.
     * @param to   the last command of the range (a time: the last one stamped at or before it), or null for the end.
     * @return the command's exit code: 0, 1 for a damaged journal (reported on stderr), 2 for no journal.
     */
    int read(
        final CommandSpec spec, final Printing printing, final ReplayBound from, final ReplayBound to, final JournalEntryHandler handler)
    {
        final Path output = new DataDirectory(dataDirectory).output();
        if (!Files.isDirectory(output))
        {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + dataDirectory + " has no output/ journal");
            return 2;
        }
        this.from = from;
        this.to = to;
        this.handler = handler;
        final long endExclusive = to != null && !to.byTime() ? to.value() + 1 : Long.MAX_VALUE;
        bar = progress(spec, printing);
        JournalReadResult result;
        try (JournalReader reader = new JournalReader(output))
        {
            barEnd = Math.min(reader.lastSequence(), endExclusive - 1);
            long sliceEnd;
            do
            {
                sliceEnd = Math.min(endExclusive, lastSequence + 1 + SLICE);
                result = reader.read(lastSequence + 1, sliceEnd, this);
            }
            while (!result.isCorrupt() && !ended && result.nextSequence() == sliceEnd && sliceEnd < endExclusive);
        }
        finally
        {
            bar.clear();
        }
        if (result.isCorrupt())
        {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": the journal is damaged from here on: " + result.corruption());
            return 1;
        }
        return 0;
    }

    @Override
    public void onEntry(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        if (ended || (to != null && to.endsBefore(sequence, timestampNs)))
        {
            ended = true;
            return;
        }
        inRange = inRange || from.startsBy(sequence, timestampNs);
        lastSequence = sequence;
        lastTimestampNs = timestampNs;
        handler.onEntry(sequence, timestampNs, buffer, offset, length);
        if ((sequence & PROGRESS_MASK) == 0)
        {
            bar.update(sequence, barEnd);
        }
    }

    /** Whether the entry being handled is at or after the range's start. */
    boolean inRange()
    {
        return inRange;
    }

    /** The last entry handed over (the one being handled, during a call); 0 before the first. */
    long lastSequence()
    {
        return lastSequence;
    }

    /** The timestamp of {@link #lastSequence()}. */
    long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    private ReplayProgress progress(final CommandSpec spec, final Printing printing)
    {
        final boolean draw = progress != null ? progress :
            ReplayProgress.isTerminal(2) && (printing == Printing.AFTER_READING || !ReplayProgress.isTerminal(1));
        return draw ? new ReplayProgress(spec.commandLine().getErr(), spec.qualifiedName(), SystemNanoClock.INSTANCE) :
            ReplayProgress.off();
    }
}
