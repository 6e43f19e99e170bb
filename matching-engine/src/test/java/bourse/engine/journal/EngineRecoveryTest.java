package bourse.engine.journal;

import bourse.engine.EngineSnapshot;
import bourse.engine.MatchingEngine;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery rebuilds the state the engine had: from no snapshot or from any snapshot, the state hash
 * equals the uninterrupted engine's. Damage is reported, never applied: a damaged journal tail stops
 * the replay in front of it, a damaged snapshot is passed over for an older one or a full replay.
 */
class EngineRecoveryTest
{
    private static final int STREAM_LENGTH = 12_000;
    private static final int[] SNAPSHOT_AFTER = {1_000, 5_000, 9_000};
    private static List<byte[]> commands;
    private static long uninterruptedHash;

    @TempDir
    Path dataDirectory;
    private Path journalDirectory;
    private Path snapshotDirectory;
    private final List<Path> snapshots = new ArrayList<>();

    @BeforeAll
    static void generate()
    {
        commands = MarketStream.generate(11, STREAM_LENGTH);
        final MatchingEngine engine = MarketStream.newEngine();
        MarketStream.apply(engine, commands);
        uninterruptedHash = engine.stateHash();
    }

    /** Runs the stream through an engine, journaling every command before applying it, snapshotting on the way. */
    @BeforeEach
    void runAndJournal()
    {
        journalDirectory = dataDirectory.resolve("input");
        snapshotDirectory = dataDirectory.resolve("snapshots");
        final SnapshotStore store = new SnapshotStore(new SnapshotStore.Context().directory(snapshotDirectory).retain(10));
        final MatchingEngine engine = MarketStream.newEngine();
        try (InputJournal journal = new InputJournal(new JournalContext().directory(journalDirectory)))
        {
            int next = 0;
            for (final int snapshotAfter : SNAPSHOT_AFTER)
            {
                journalAndApply(journal, engine, commands.subList(next, snapshotAfter));
                snapshots.add(store.write(engine));
                next = snapshotAfter;
            }
            journalAndApply(journal, engine, commands.subList(next, commands.size()));
        }
        assertThat(engine.stateHash()).isEqualTo(uninterruptedHash);
    }

    @Test
    void shouldRebuildTheUninterruptedStateFromTheJournalAlone()
    {
        final RecoveredEngine recovered = EngineRecovery.recover(context(null));

        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
        assertThat(recovered.report().snapshotFile()).isNull();
        assertThat(recovered.report().entriesReplayed()).isEqualTo(STREAM_LENGTH);
        assertThat(recovered.report().finalSequence()).isEqualTo(STREAM_LENGTH);
        assertThat(recovered.report().stateHash()).isEqualTo(uninterruptedHash);
        assertThat(recovered.report().corruption()).isNull();
    }

    @Test
    void shouldRebuildTheUninterruptedStateFromEachSnapshot()
    {
        for (int i = 0; i < snapshots.size(); i++)
        {
            final Path only = dataDirectory.resolve("only-" + i);
            final SnapshotStore store = new SnapshotStore(new SnapshotStore.Context().directory(only));
            store.write(loadSnapshot(snapshots.get(i)));

            final RecoveredEngine recovered = EngineRecovery.recover(context(store));

            assertThat(recovered.report().snapshotSequence()).isEqualTo(SNAPSHOT_AFTER[i]);
            assertThat(recovered.report().entriesReplayed()).isEqualTo(STREAM_LENGTH - SNAPSHOT_AFTER[i]);
            assertThat(recovered.engine().stateHash()).as("from the snapshot at %d", SNAPSHOT_AFTER[i]).isEqualTo(uninterruptedHash);
        }
    }

    @Test
    void shouldStopInFrontOfADamagedTailAndSayWhere()
    {
        final QueueFiles.Document last = QueueFiles.lastDocument(journalDirectory);
        QueueFiles.flipByte(last.file(), last.position() + last.length() / 2);

        final RecoveredEngine recovered = EngineRecovery.recover(context(null));

        final JournalCorruption corruption = recovered.report().corruption();
        assertThat(corruption.reason()).isEqualTo(JournalCorruption.Reason.CHECKSUM_MISMATCH);
        assertThat(corruption.file()).isEqualTo(last.file());
        assertThat(corruption.position()).isEqualTo(last.position());
        final long intact = corruption.expectedSequence() - 1;
        assertThat(recovered.report().finalSequence()).isEqualTo(intact).isLessThan(STREAM_LENGTH);
        final MatchingEngine prefix = MarketStream.newEngine();
        MarketStream.apply(prefix, commands.subList(0, (int)intact));
        assertThat(recovered.engine().stateHash()).isEqualTo(prefix.stateHash());
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenTheNewestIsDamaged()
    {
        final Path newest = snapshots.get(snapshots.size() - 1);
        QueueFiles.flipByte(newest, 100);

        final RecoveredEngine recovered = EngineRecovery.recover(context(store()));

        assertThat(recovered.report().rejectedSnapshots()).extracting(RejectedSnapshot::file).containsExactly(newest);
        assertThat(recovered.report().rejectedSnapshots().get(0).reason()).contains("checksum");
        assertThat(recovered.report().snapshotFile()).isEqualTo(snapshots.get(snapshots.size() - 2));
        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
    }

    @Test
    void shouldReplayEverythingWhenNoSnapshotLoads()
    {
        for (final Path snapshot : snapshots)
        {
            QueueFiles.zeroFrom(snapshot, 0, 8);
        }

        final RecoveredEngine recovered = EngineRecovery.recover(context(store()));

        assertThat(recovered.report().rejectedSnapshots()).hasSize(snapshots.size());
        assertThat(recovered.report().snapshotFile()).isNull();
        assertThat(recovered.report().entriesReplayed()).isEqualTo(STREAM_LENGTH);
        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
    }

    @Test
    void shouldKeepOnlyTheNewestSnapshots()
    {
        final SnapshotStore store = new SnapshotStore(new SnapshotStore.Context().directory(snapshotDirectory).retain(2));
        store.write(loadSnapshot(snapshots.get(0)));

        assertThat(store.snapshots()).containsExactly(snapshots.get(2), snapshots.get(1));
    }

    @Test
    void shouldRecoverTheSequencerStateFromTheSnapshotAndReadOnlyTheJournalAfterIt()
    {
        final SnapshotStore store = new SnapshotStore(new SnapshotStore.Context().directory(dataDirectory.resolve("with-state")));
        store.write(loadSnapshot(snapshots.get(2)), new SequenceCount(SNAPSHOT_AFTER[2]));
        final SequenceCount state = new SequenceCount(0);

        final RecoveredEngine recovered = EngineRecovery.recover(context(store).sequencerState(state));

        assertThat(recovered.report().sequencerStateFromSnapshot()).isTrue();
        assertThat(recovered.report().entriesRead()).isEqualTo(STREAM_LENGTH - SNAPSHOT_AFTER[2]);
        assertThat(state.commands).isEqualTo(STREAM_LENGTH);
        assertThat(state.lastSequence).isEqualTo(STREAM_LENGTH);
        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
    }

    @Test
    void shouldRebuildTheSequencerStateFromTheJournalStartWhenTheSnapshotRecordsNone()
    {
        final SequenceCount state = new SequenceCount(0);

        final RecoveredEngine recovered = EngineRecovery.recover(context(store()).sequencerState(state));

        assertThat(recovered.report().sequencerStateFromSnapshot()).isFalse();
        assertThat(recovered.report().entriesRead()).as("one pass from the start").isEqualTo(STREAM_LENGTH);
        assertThat(recovered.report().entriesReplayed()).isEqualTo(STREAM_LENGTH - SNAPSHOT_AFTER[2]);
        assertThat(state.commands).isEqualTo(STREAM_LENGTH);
        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
    }

    @Test
    void shouldLoadAFormat1SnapshotAndRebuildTheSequencerStateFromTheJournal() throws IOException
    {
        final Path legacy = dataDirectory.resolve("legacy");
        Files.createDirectories(legacy);
        final ExpandableDirectByteBuffer image = new ExpandableDirectByteBuffer(1 << 16);
        final int length = EngineSnapshot.write(loadSnapshot(snapshots.get(1)), image, 0);
        final byte[] bytes = new byte[length];
        image.getBytes(0, bytes);
        Files.write(legacy.resolve(SnapshotStore.fileName(SNAPSHOT_AFTER[1])), bytes);
        final SequenceCount state = new SequenceCount(0);

        final RecoveredEngine recovered = EngineRecovery.recover(
            context(new SnapshotStore(new SnapshotStore.Context().directory(legacy))).sequencerState(state));

        assertThat(recovered.report().snapshotSequence()).isEqualTo(SNAPSHOT_AFTER[1]);
        assertThat(recovered.report().sequencerStateFromSnapshot()).isFalse();
        assertThat(state.commands).isEqualTo(STREAM_LENGTH);
        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
    }

    @Test
    void shouldPassOverASnapshotFileOfAnUnknownFormatSayingWhich()
    {
        final Path newest = snapshots.get(snapshots.size() - 1);
        QueueFiles.putIntAt(newest, 4, 3);

        final RecoveredEngine recovered = EngineRecovery.recover(context(store()));

        assertThat(recovered.report().rejectedSnapshots()).extracting(RejectedSnapshot::reason)
            .containsExactly("snapshot file format version 3 is not supported (this store reads 1 and 2)");
        assertThat(recovered.engine().stateHash()).isEqualTo(uninterruptedHash);
    }

    private SnapshotStore store()
    {
        return new SnapshotStore(new SnapshotStore.Context().directory(snapshotDirectory).retain(10));
    }

    private static MatchingEngine loadSnapshot(final Path file)
    {
        try
        {
            return SnapshotStore.load(file, MarketStream.engineContext());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private EngineRecovery.Context context(final SnapshotStore store)
    {
        return new EngineRecovery.Context()
            .engineContext(MarketStream.engineContext())
            .inputJournalDirectory(journalDirectory)
            .snapshotStore(store);
    }

    /** A sequencer's state for tests: how many commands it has seen, and the last one's sequence. */
    private static final class SequenceCount implements SequencerState
    {
        long commands;
        long lastSequence;

        SequenceCount(final long commands)
        {
            this.commands = commands;
            this.lastSequence = commands;
        }

        @Override
        public int write(final MutableDirectBuffer buffer, final int offset)
        {
            buffer.putLong(offset, commands);
            buffer.putLong(offset + 8, lastSequence);
            return 16;
        }

        @Override
        public void load(final DirectBuffer buffer, final int offset, final int length)
        {
            assertThat(length).isEqualTo(16);
            commands = buffer.getLong(offset);
            lastSequence = buffer.getLong(offset + 8);
        }

        @Override
        public void onSequenced(final DirectBuffer buffer, final int offset, final int length)
        {
            commands++;
            lastSequence = BatchFormat.sequence(buffer, offset);
        }
    }

    private static void journalAndApply(final InputJournal journal, final MatchingEngine engine, final List<byte[]> batch)
    {
        final List<byte[]> pending = new ArrayList<>();
        for (final byte[] command : batch)
        {
            pending.add(command);
            journal.append(new UnsafeBuffer(command), 0, command.length);
            if (pending.size() == 32)
            {
                journal.commitBatch();
                MarketStream.apply(engine, pending);
                pending.clear();
            }
        }
        journal.commitBatch();
        MarketStream.apply(engine, pending);
    }
}
