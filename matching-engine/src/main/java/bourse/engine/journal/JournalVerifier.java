package bourse.engine.journal;

import bourse.engine.MatchingEngine;
import bourse.engine.SnapshotException;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * The proof of determinism: re-runs a fresh engine over the input journal and checks that every
 * command produces, byte for byte, the events the output journal recorded for it, and that the state
 * hash at each snapshot's sequence is the one the snapshot recorded. Commands whose events were never
 * recorded (the output journal ends earlier, as after a crash between the two appends) are applied
 * and counted, not compared.
 */
public final class JournalVerifier
{
    private final MatchingEngine engine;
    private final ExpandableArrayBuffer replayed = new ExpandableArrayBuffer(4096);
    private final ExpandableArrayBuffer recorded = new ExpandableArrayBuffer(4096);
    private int replayedLength;
    private int recordedLength;

    private long commandsReplayed;
    private long batchesCompared;
    private long batchesUnrecorded;
    private long mismatches;
    private Mismatch firstMismatch;
    private JournalCorruption outputCorruption;
    private long snapshotsChecked;
    private long firstSnapshotMismatchSequence;

    private JournalVerifier()
    {
        engine = new MatchingEngine(new MatchingEngine.Context().eventSink(this::onReplayedEvents));
    }

    /**
     * Verifies the journals in the given directories; {@code snapshotDirectory} may be null when there
     * are no snapshots to check.
     */
    public static VerificationReport verify(final Path inputDirectory, final Path outputDirectory, final Path snapshotDirectory)
    {
        return new JournalVerifier().run(inputDirectory, outputDirectory, recordedHashes(snapshotDirectory));
    }

    private VerificationReport run(final Path inputDirectory, final Path outputDirectory, final TreeMap<Long, Long> snapshotHashes)
    {
        final long startNs = System.nanoTime();
        final JournalReadResult input;
        try (JournalReader inputReader = new JournalReader(inputDirectory);
            JournalReader outputReader = new JournalReader(outputDirectory))
        {
            input = inputReader.read(1, Long.MAX_VALUE, (sequence, timestampNs, buffer, offset, length) ->
            {
                replayedLength = 0;
                engine.onCommand(buffer, offset, length);
                commandsReplayed++;
                compareWithRecorded(outputReader, sequence);
                final Long recordedHash = snapshotHashes.get(sequence);
                if (recordedHash != null)
                {
                    snapshotsChecked++;
                    if (recordedHash != engine.stateHash() && firstSnapshotMismatchSequence == 0)
                    {
                        firstSnapshotMismatchSequence = sequence;
                    }
                }
            });
        }
        return new VerificationReport(
            commandsReplayed, batchesCompared, batchesUnrecorded, mismatches, firstMismatch,
            snapshotsChecked, firstSnapshotMismatchSequence, engine.lastSequence(), engine.stateHash(),
            input.corruption(), outputCorruption, System.nanoTime() - startNs);
    }

    private void compareWithRecorded(final JournalReader outputReader, final long sequence)
    {
        if (outputCorruption != null)
        {
            batchesUnrecorded++;
            return;
        }
        recordedLength = -1;
        final JournalReadResult result = outputReader.read(sequence, sequence + 1, this::onRecordedEvents);
        if (result.isCorrupt())
        {
            outputCorruption = result.corruption();
        }
        if (recordedLength < 0)
        {
            batchesUnrecorded++;
            return;
        }
        batchesCompared++;
        final int differsAt = firstDifference();
        if (differsAt >= 0)
        {
            mismatches++;
            if (firstMismatch == null)
            {
                firstMismatch = new Mismatch(sequence, recordedLength, replayedLength, differsAt);
            }
        }
    }

    /** Byte offset of the first difference between the recorded and replayed batches, or -1. */
    private int firstDifference()
    {
        final int common = Math.min(recordedLength, replayedLength);
        for (int i = 0; i < common; i++)
        {
            if (recorded.getByte(i) != replayed.getByte(i))
            {
                return i;
            }
        }
        return recordedLength == replayedLength ? -1 : common;
    }

    private void onReplayedEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        replayed.putBytes(0, buffer, offset, length);
        replayedLength = length;
    }

    private void onRecordedEvents(
        final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        recorded.putBytes(0, buffer, offset, length);
        recordedLength = length;
    }

    /** Last sequence → recorded state hash of every snapshot that loads. */
    private static TreeMap<Long, Long> recordedHashes(final Path snapshotDirectory)
    {
        final TreeMap<Long, Long> hashes = new TreeMap<>();
        if (snapshotDirectory == null || !Files.isDirectory(snapshotDirectory))
        {
            return hashes;
        }
        for (final Path snapshot : new SnapshotStore(new SnapshotStore.Context().directory(snapshotDirectory)).snapshots())
        {
            try
            {
                // Loading checks the snapshot whole (checksum, content, hash), so a damaged file cannot
                // pass off a wrong hash as the recorded one.
                final MatchingEngine engine =
                    SnapshotStore.load(snapshot, new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }));
                hashes.put(engine.lastSequence(), engine.stateHash());
            }
            catch (final IOException | SnapshotException ex)
            {
                // A snapshot that does not load records nothing to check against; recovery reports it.
                hashes.remove(SnapshotStore.sequenceOf(snapshot));
            }
        }
        return hashes;
    }

    /** The first command whose replayed events differ from the recorded ones. */
    public record Mismatch(long sequence, int recordedLength, int replayedLength, int firstDifferentByte)
    {
    }

    /** What a verification found. */
    public record VerificationReport(
        long commandsReplayed,
        long batchesCompared,
        long batchesUnrecorded,
        long mismatches,
        Mismatch firstMismatch,
        long snapshotsChecked,
        long firstSnapshotMismatchSequence,
        long lastSequence,
        long stateHash,
        JournalCorruption inputCorruption,
        JournalCorruption outputCorruption,
        long elapsedNs)
    {
        /** Every recorded batch reproduced, every snapshot's hash matched, neither journal damaged. */
        public boolean passed()
        {
            return mismatches == 0 && firstSnapshotMismatchSequence == 0 && inputCorruption == null && outputCorruption == null;
        }
    }
}
