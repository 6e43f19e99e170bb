package bourse.engine.journal;

import bourse.engine.EventSink;
import org.agrona.DirectBuffer;

/**
 * The output journal: each command's events as the engine published them, one entry per command
 * tagged with the command's sequence (the first event's, as every event repeats it), so analysis can
 * read what happened without running the engine again. An {@link EventSink}: put it between the
 * engine and the publisher and {@link #commitBatch()} after each poll's worth of commands. Read it
 * back with a {@link JournalReader}; each entry is the event batch, SBE messages end to end.
 */
public final class OutputJournal implements EventSink, AutoCloseable
{
    private final SequencedJournal journal;
    private final EventSink next;

    /**
     * @param next where the events go after they are journaled; {@code (b, o, l) -> { }} for nowhere.
     */
    public OutputJournal(final JournalContext context, final EventSink next)
    {
        this.journal = new SequencedJournal(context);
        this.next = next;
    }

    /** Journals one command's events, then hands them on. Allocation-free. */
    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        journal.append(buffer, offset, length);
        next.onEvents(buffer, offset, length);
    }

    /**
     * Whether an event batch of {@code length} bytes joins the current batch; if not, {@link #onEvents}
     * commits the current batch first. A group commit uses it to commit the input journal ahead of that.
     */
    public boolean fitsInBatch(final int length)
    {
        return journal.fitsInBatch(length);
    }

    /** Writes the current batch as one document and syncs as configured; nothing if it is empty. */
    public void commitBatch()
    {
        journal.commitBatch();
    }

    /** The sequence of the last command whose events were journaled; 0 for an empty journal. */
    public long lastSequence()
    {
        return journal.lastSequence();
    }

    /** The sequence of the last command whose events are in a committed batch. */
    public long committedSequence()
    {
        return journal.committedSequence();
    }

    /**
     * Lets the next thread that journals own the journal: call it on the thread that wrote last (during
     * recovery, say) before another thread takes over, as Chronicle's appender allows one thread at a time.
     */
    public void releaseThread()
    {
        journal.releaseThread();
    }

    /** Commits what is pending and closes. */
    @Override
    public void close()
    {
        journal.close();
    }
}
