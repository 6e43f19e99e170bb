package bourse.engine.journal;

import bourse.engine.MatchingEngine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link SnapshotStore#loadLatestValid}: the engine from the newest snapshot that
 * loaded, if any, and every newer one that did not, newest first.
 *
 * @param engine   the loaded engine, or {@code null} when no snapshot loaded.
 * @param file     the snapshot it came from, or {@code null}.
 * @param rejected the snapshots skipped on the way, newest first, each with its reason.
 * @param sequencerStateLoaded whether the sequencer's state was loaded from the same snapshot; false when
 *                 none was asked for, none loaded, or the snapshot recorded none (format 1 files).
 */
public record SnapshotLoad(MatchingEngine engine, Path file, List<RejectedSnapshot> rejected, boolean sequencerStateLoaded)
{
    public SnapshotLoad
    {
        rejected = List.copyOf(rejected);
    }

    public Optional<MatchingEngine> loadedEngine()
    {
        return Optional.ofNullable(engine);
    }
}
