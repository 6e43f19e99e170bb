package bourse.engine.journal;

import bourse.engine.MatchingEngine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds the engine after a stop or a crash: the newest snapshot that loads (or a fresh engine), then
 * every input journal entry after the snapshot's last sequence, applied in order. Because the engine is
 * deterministic, the result is the state the engine had after the last committed batch. A damaged
 * journal tail is not applied: recovery stops in front of it and the report says where and why.
 * <p>
 * A {@link SequencerState}, when given, is recovered alongside: loaded from the same snapshot and fed
 * the same journal entries. If that snapshot recorded none (or there is no snapshot), it is fed every
 * entry from the journal's start instead, in the same single pass over the journal.
 */
public final class EngineRecovery
{
    private EngineRecovery()
    {
    }

    /** Recovers an engine as the context says; the engine's events during replay go to its event sink. */
    public static RecoveredEngine recover(final Context context)
    {
        context.conclude();
        final long startNs = System.nanoTime();
        final SequencerState sequencerState = context.sequencerState();
        final SnapshotLoad snapshot = context.snapshotStore() == null ?
            new SnapshotLoad(null, null, List.of(), false) :
            context.snapshotStore().loadLatestValid(context.engineContext(), sequencerState);
        final MatchingEngine engine = snapshot.loadedEngine().orElseGet(() -> new MatchingEngine(context.engineContext()));
        final long snapshotSequence = engine.lastSequence();

        final JournalReadResult replay;
        try (JournalReader reader = new JournalReader(context.inputJournalDirectory()))
        {
            if (sequencerState == null)
            {
                replay = reader.read(snapshotSequence + 1, Long.MAX_VALUE,
                    (sequence, timestampNs, buffer, offset, length) -> engine.onCommand(buffer, offset, length));
            }
            else
            {
                replay = reader.read(snapshot.sequencerStateLoaded() ? snapshotSequence + 1 : 1, Long.MAX_VALUE,
                    (sequence, timestampNs, buffer, offset, length) ->
                    {
                        if (sequence > snapshotSequence)
                        {
                            engine.onCommand(buffer, offset, length);
                        }
                        sequencerState.onSequenced(buffer, offset, length);
                    });
            }
        }
        final long stateHash = engine.stateHash();
        return new RecoveredEngine(engine, new RecoveryReport(
            snapshot.file(), snapshotSequence, snapshot.rejected(), engine.lastSequence() - snapshotSequence,
            System.nanoTime() - startNs, engine.lastSequence(), stateHash, replay.corruption(), replay.entriesRead(),
            snapshot.sequencerStateLoaded()));
    }

    /** Where to recover from and how to build the engine. */
    public static final class Context
    {
        private MatchingEngine.Context engineContext;
        private Path inputJournalDirectory;
        private SnapshotStore snapshotStore;
        private SequencerState sequencerState;

        /** Checks the configuration; {@link #recover} calls it. */
        public Context conclude()
        {
            Objects.requireNonNull(engineContext, "engineContext");
            Objects.requireNonNull(inputJournalDirectory, "inputJournalDirectory");
            return this;
        }

        /** How to build the engine, snapshot or fresh: its event sink receives the replay's events. */
        public Context engineContext(final MatchingEngine.Context engineContext)
        {
            this.engineContext = engineContext;
            return this;
        }

        public MatchingEngine.Context engineContext()
        {
            return engineContext;
        }

        public Context inputJournalDirectory(final Path inputJournalDirectory)
        {
            this.inputJournalDirectory = inputJournalDirectory;
            return this;
        }

        public Path inputJournalDirectory()
        {
            return inputJournalDirectory;
        }

        /** Where snapshots are; none (the default) replays the whole journal into a fresh engine. */
        public Context snapshotStore(final SnapshotStore snapshotStore)
        {
            this.snapshotStore = snapshotStore;
            return this;
        }

        public SnapshotStore snapshotStore()
        {
            return snapshotStore;
        }

        /** The sequencer's state to recover with the engine; none (the default) recovers the engine alone. */
        public Context sequencerState(final SequencerState sequencerState)
        {
            this.sequencerState = sequencerState;
            return this;
        }

        public SequencerState sequencerState()
        {
            return sequencerState;
        }
    }
}
