package bourse.engine.service;

import bourse.engine.EventSink;
import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.EngineRecovery;
import bourse.engine.journal.InputJournal;
import bourse.engine.journal.JournalContext;
import bourse.engine.journal.OutputJournal;
import bourse.engine.journal.RecoveredEngine;
import bourse.engine.journal.RecoveryReport;
import bourse.engine.journal.SnapshotStore;
import bourse.engine.journal.SyncPolicy;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

/**
 * The engine service's durable state in a {@link DataDirectory}: on start it recovers the engine and
 * the resend table (latest valid snapshot, which records both, then the input journal after it); then
 * every sequenced command is appended to the input journal, every event batch to the output journal,
 * and a snapshot of the engine and the resend table is written every {@code snapshotEveryCommands}
 * commands.
 * <p>
 * Commands are committed in groups ({@link #beginGroup()} to {@link #commitGroup()}, the engine
 * agent's poll): commands and event batches are only appended, event batches are handed on at once,
 * and {@link #commitGroup()} commits the input journal and then the output journal; the caller holds
 * the group's events back until then. The output journal never commits ahead of the input journal, so it never holds events
 * of a command the input journal might lose.
 * <p>
 * Events of commands replayed during recovery are written to the output journal when it does not
 * hold them yet, and handed to the publisher: the input journal held their commands but the crash came
 * before their events were committed to the output journal, so they were never published, and a client
 * may wait for them. Events the output journal holds were published before, and are not again.
 * <p>
 * The engine service's, on its engine thread only.
 */
final class EngineJournals implements CommandLog, EventSink, AutoCloseable
{
    private final InputJournal input;
    private final OutputJournal output;
    private final SnapshotStore snapshots;
    private final long snapshotEveryCommands;
    private final MatchingEngine engine;
    private final RecoveryReport recoveryReport;
    private final EventSink publisher;
    private final EngineCounters counters;
    private final LastCorrelationIds lastCorrelationIds;
    private boolean recovering = true;

    /**
     * Recovers from {@code data} (creating it when new) and opens the journals for appending.
     *
     * @param publisher          where event batches go once journaled; during this constructor, the events
     *                           of recovered commands that were never published (see above).
     * @param lastCorrelationIds the resend table of whoever sequences the commands, which keeps it up to
     *                           date with every command it sequences: restored here on recovery, and
     *                           recorded in every snapshot.
     * @param counters           where the journal positions and the last snapshot's sequence are kept.
     */
    EngineJournals(
        final DataDirectory data,
        final SyncPolicy syncPolicy,
        final long snapshotEveryCommands,
        final EventSink publisher,
        final LastCorrelationIds lastCorrelationIds,
        final EngineCounters counters)
    {
        this.publisher = publisher;
        this.counters = counters;
        this.lastCorrelationIds = lastCorrelationIds;
        this.snapshotEveryCommands = snapshotEveryCommands;
        snapshots = new SnapshotStore(new SnapshotStore.Context().directory(data.snapshots()));
        OutputJournal openedOutput = null;
        InputJournal openedInput = null;
        try
        {
            openedOutput = new OutputJournal(
                new JournalContext().directory(data.output()).syncPolicy(syncPolicy), (buffer, offset, length) -> { });
            output = openedOutput;
            final RecoveredEngine recovered = EngineRecovery.recover(new EngineRecovery.Context()
                .engineContext(new MatchingEngine.Context().eventSink(this))
                .inputJournalDirectory(data.input())
                .snapshotStore(snapshots)
                .sequencerState(lastCorrelationIds));
            if (recovered.report().corruption() != null)
            {
                throw new IllegalStateException("the input journal in " + data.input() + " is damaged; the engine will not " +
                    "append after damage: " + recovered.report().corruption());
            }
            engine = recovered.engine();
            recoveryReport = recovered.report();
            output.commitBatch();
            // Recovery wrote the output journal on this thread; the engine thread appends from now on.
            output.releaseThread();
            openedInput = new InputJournal(new JournalContext().directory(data.input()).syncPolicy(syncPolicy));
            input = openedInput;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(openedInput, openedOutput);
            throw ex;
        }
        recovering = false;
        counters.snapshotSequence().setRelease(recoveryReport.snapshotSequence());
        updatePositions();
    }

    /** The recovered engine; its events come to this object, which journals and then publishes them. */
    public MatchingEngine engine()
    {
        return engine;
    }

    public RecoveryReport recoveryReport()
    {
        return recoveryReport;
    }

    /**
     * Appended before the engine applies it, and committed with its group, before any of the group's
     * events is published: nothing published comes from a command not journaled.
     */
    @Override
    public void onSequenced(final DirectBuffer buffer, final int offset, final int length)
    {
        input.append(buffer, offset, length);
    }

    /** Groups the commands and events from now until {@link #commitGroup()} into one commit of each journal. */
    @Override
    public long lastTimestampNs()
    {
        return input.lastTimestampNs();
    }

    @Override
    public boolean beginGroup()
    {
        return true;
    }

    /** Commits the group: the input journal first, then the output journal. */
    @Override
    public void commitGroup()
    {
        commit();
    }

    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        if (recovering)
        {
            // Replayed: published before the crash if the output journal holds it, else recorded and published now.
            if (CommandFrames.sequence(buffer, offset) > output.lastSequence())
            {
                output.onEvents(buffer, offset, length);
                publisher.onEvents(buffer, offset, length);
            }
            return;
        }
        if (!output.fitsInBatch(length))
        {
            // The output journal commits its batch to make room: the commands must be committed first.
            commitInput();
        }
        output.onEvents(buffer, offset, length);
        publisher.onEvents(buffer, offset, length);
    }

    /**
     * After a command has been applied: a periodic snapshot when one is due, after committing what a group
     * holds, so that a snapshot never records a command the journals could still lose.
     */
    @Override
    public void onApplied(final MatchingEngine engine)
    {
        if (snapshotEveryCommands > 0 && engine.lastSequence() % snapshotEveryCommands == 0)
        {
            commit();
            snapshots.write(engine, lastCorrelationIds);
            counters.snapshotSequence().setRelease(engine.lastSequence());
        }
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(input, output);
    }

    private void commit()
    {
        input.commitBatch();
        output.commitBatch();
        updatePositions();
    }

    private void commitInput()
    {
        input.commitBatch();
        updatePositions();
    }

    private void updatePositions()
    {
        counters.inputJournalPosition().setRelease(input.committedSequence());
        counters.outputJournalPosition().setRelease(output.committedSequence());
    }
}
