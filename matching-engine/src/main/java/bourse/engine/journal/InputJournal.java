package bourse.engine.journal;

import org.agrona.DirectBuffer;

/**
 * The input journal: every sequenced command, appended before the engine applies it, so the engine's
 * state can always be rebuilt by replaying it ({@link EngineRecovery}). The sequencer appends each
 * command of a poll with {@link #append}, then {@link #commitBatch()} once before the engine applies
 * and publishes them: one Chronicle document per batch keeps appending fast, and the commit is the
 * durability point its {@link SyncPolicy} describes. Read it back with a {@link JournalReader}.
 */
public final class InputJournal implements AutoCloseable
{
    private final SequencedJournal journal;

    /** Opens (or creates) the journal and finds its last sequence from its tail batch. */
    public InputJournal(final JournalContext context)
    {
        journal = new SequencedJournal(context);
    }

    /**
     * Adds one sequenced command (SBE header included) to the current batch. Allocation-free.
     *
     * @throws IllegalStateException if its sequence is not {@link #lastSequence()} + 1: a sequencer bug.
     */
    public void append(final DirectBuffer buffer, final int offset, final int length)
    {
        journal.append(buffer, offset, length);
    }

    /** Writes the current batch as one document and syncs as configured; nothing if it is empty. */
    public void commitBatch()
    {
        journal.commitBatch();
    }

    /**
     * The timestamp of the last command journaled, before this process or since: where the engine's clock
     * resumes, so that timestamps never go backwards across a restart, even when the wall clock was set back.
     */
    public long lastTimestampNs()
    {
        return journal.lastTimestampNs();
    }

    /** The last sequence appended (0 for an empty journal): on open, the last one in the journal. */
    public long lastSequence()
    {
        return journal.lastSequence();
    }

    /** The last sequence written in a committed batch. */
    public long committedSequence()
    {
        return journal.committedSequence();
    }

    /** Commits what is pending and closes. */
    @Override
    public void close()
    {
        journal.close();
    }
}
