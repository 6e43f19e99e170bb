package bourse.engine.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link EngineRecovery} did.
 *
 * @param snapshotFile      the snapshot the engine started from, or {@code null} for a fresh engine.
 * @param snapshotSequence  the last sequence in that snapshot; 0 without one.
 * @param rejectedSnapshots newer snapshots passed over because they did not load, newest first.
 * @param entriesReplayed   journal entries applied after the snapshot.
 * @param elapsedNs         wall time of the whole recovery, snapshot load and hash included.
 * @param finalSequence     the engine's last applied sequence afterwards.
 * @param stateHash         the engine's state hash afterwards.
 * @param corruption        where the input journal stopped being readable, or {@code null} if it was whole.
 * @param entriesRead       journal entries read: those replayed, plus those before the snapshot when the
 *                          sequencer's state had to be rebuilt from the journal's start.
 * @param sequencerStateFromSnapshot whether the sequencer's state (the service's resend table) came from
 *                          the snapshot, so that only the journal after it was read.
 */
public record RecoveryReport(
    Path snapshotFile,
    long snapshotSequence,
    List<RejectedSnapshot> rejectedSnapshots,
    long entriesReplayed,
    long elapsedNs,
    long finalSequence,
    long stateHash,
    JournalCorruption corruption,
    long entriesRead,
    boolean sequencerStateFromSnapshot)
{
    public RecoveryReport
    {
        rejectedSnapshots = List.copyOf(rejectedSnapshots);
    }

    /** Whether recovery stopped at a damaged journal tail. */
    public boolean stoppedAtCorruption()
    {
        return corruption != null;
    }
}
