package bourse.engine.journal;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.JournalVerifier.VerificationReport;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `replay verify` in code: a fresh engine over the input journal reproduces the recorded events and
 * the snapshots' state hashes exactly, and anything else is reported with the first sequence where
 * the replay and the record part.
 */
class JournalVerifierTest
{
    private static final int STREAM_LENGTH = 4_000;
    private static final int SNAPSHOT_EVERY = 1_000;
    private static List<byte[]> commands;

    @TempDir
    Path data;

    @BeforeAll
    static void generate()
    {
        commands = MarketStream.generate(5, STREAM_LENGTH);
    }

    @Test
    void shouldReproduceEveryRecordedBatchAndSnapshotHash()
    {
        record(new MatchingEngine.Context(), STREAM_LENGTH);

        final VerificationReport report = verify();

        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(report.commandsReplayed()).isEqualTo(STREAM_LENGTH);
        assertThat(report.batchesCompared()).isEqualTo(STREAM_LENGTH);
        assertThat(report.batchesUnrecorded()).isZero();
        assertThat(report.snapshotsChecked()).isEqualTo(STREAM_LENGTH / SNAPSHOT_EVERY);
        final MatchingEngine uninterrupted = MarketStream.newEngine();
        MarketStream.apply(uninterrupted, commands);
        assertThat(report.stateHash()).isEqualTo(uninterrupted.stateHash());
    }

    @Test
    void shouldNameTheFirstCommandWhoseEventsDifferFromTheRecord()
    {
        // Recorded by an engine with other rules (a 3-order limit per account): its events part from a
        // default engine's at the first order that limit refuses.
        record(new MatchingEngine.Context().maxOpenOrdersPerAccount(3), STREAM_LENGTH);

        final VerificationReport report = verify();

        assertThat(report.passed()).isFalse();
        assertThat(report.mismatches()).isPositive();
        assertThat(report.firstMismatch().sequence()).isEqualTo(firstDivergence());
    }

    @Test
    void shouldApplyButNotCompareCommandsWhoseEventsWereNeverRecorded()
    {
        record(new MatchingEngine.Context(), 2_500);

        final VerificationReport report = verify();

        assertThat(report.passed()).as("%s", report).isTrue();
        assertThat(report.batchesCompared()).isEqualTo(2_500);
        assertThat(report.batchesUnrecorded()).isEqualTo(STREAM_LENGTH - 2_500);
    }

    private VerificationReport verify()
    {
        return JournalVerifier.verify(data.resolve("input"), data.resolve("output"), data.resolve("snapshots"));
    }

    /** Journals every command, and the events of the first {@code recordedEvents} of them, as the service does. */
    private void record(final MatchingEngine.Context engineContext, final int recordedEvents)
    {
        final SnapshotStore snapshots = new SnapshotStore(new SnapshotStore.Context().directory(data.resolve("snapshots")).retain(10));
        try (InputJournal input = new InputJournal(new JournalContext().directory(data.resolve("input")));
            OutputJournal output = new OutputJournal(new JournalContext().directory(data.resolve("output")), (buffer, offset, length) -> { }))
        {
            final int[] applied = new int[1];
            final MatchingEngine engine = new MatchingEngine(engineContext.eventSink((buffer, offset, length) ->
            {
                if (applied[0] < recordedEvents)
                {
                    output.onEvents(buffer, offset, length);
                }
            }));
            for (final byte[] command : commands)
            {
                input.append(new UnsafeBuffer(command), 0, command.length);
                engine.onCommand(new UnsafeBuffer(command), 0, command.length);
                applied[0]++;
                if (applied[0] % SNAPSHOT_EVERY == 0)
                {
                    input.commitBatch();
                    output.commitBatch();
                    snapshots.write(engine);
                }
            }
        }
    }

    /** The first sequence whose events differ between a default engine and one limited to 3 open orders. */
    private static long firstDivergence()
    {
        final List<byte[]> normal = events(new MatchingEngine.Context());
        final List<byte[]> limited = events(new MatchingEngine.Context().maxOpenOrdersPerAccount(3));
        for (int i = 0; i < normal.size(); i++)
        {
            if (!Arrays.equals(normal.get(i), limited.get(i)))
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static List<byte[]> events(final MatchingEngine.Context context)
    {
        final List<byte[]> batches = new ArrayList<>();
        final MatchingEngine engine = new MatchingEngine(context.eventSink((buffer, offset, length) ->
        {
            final byte[] batch = new byte[length];
            buffer.getBytes(offset, batch);
            batches.add(batch);
        }));
        MarketStream.apply(engine, commands);
        return batches;
    }
}
