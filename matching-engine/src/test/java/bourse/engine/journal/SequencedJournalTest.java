package bourse.engine.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal hands back exactly what was appended, in sequence order, batch boundaries invisible;
 * it refuses sequences that do not go up by one; and it reports damage instead of delivering it.
 */
class SequencedJournalTest
{
    private static List<byte[]> commands;

    @TempDir
    Path directory;

    @BeforeAll
    static void generate()
    {
        commands = MarketStream.generate(7, 2_000);
    }

    @Test
    void shouldReadBackEveryEntryInOrderWhateverTheBatchSize()
    {
        try (InputJournal journal = new InputJournal(context()))
        {
            MarketStream.journal(journal, commands, 7);
            assertThat(journal.lastSequence()).isEqualTo(commands.size());
        }

        final Recorded all = readAll(1, Long.MAX_VALUE);
        assertThat(all.result.corruption()).isNull();
        assertThat(all.result.entriesRead()).isEqualTo(commands.size());
        assertThat(all.result.nextSequence()).isEqualTo(commands.size() + 1);
        for (int i = 0; i < commands.size(); i++)
        {
            assertThat(all.entries.get(i)).isEqualTo(commands.get(i));
            assertThat(all.sequences.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void shouldDeliverFromInclusiveToExclusiveAndContinueWhereItStopped()
    {
        try (InputJournal journal = new InputJournal(context()))
        {
            MarketStream.journal(journal, commands, 16);
        }
        try (JournalReader reader = new JournalReader(directory))
        {
            final List<Long> sequences = new ArrayList<>();
            final JournalEntryHandler handler = (sequence, timestampNs, buffer, offset, length) -> sequences.add(sequence);

            assertThat(reader.read(100, 105, handler).nextSequence()).isEqualTo(105);
            assertThat(sequences).containsExactly(100L, 101L, 102L, 103L, 104L);
            sequences.clear();
            assertThat(reader.read(105, 110, handler).entriesRead()).isEqualTo(5);
            assertThat(sequences).containsExactly(105L, 106L, 107L, 108L, 109L);
            sequences.clear();
            assertThat(reader.read(3, 5, handler).entriesRead()).isEqualTo(2);
            assertThat(sequences).containsExactly(3L, 4L);
            sequences.clear();
            final JournalReadResult rest = reader.read(1_990, Long.MAX_VALUE, handler);
            assertThat(rest.entriesRead()).isEqualTo(11);
            assertThat(rest.corruption()).isNull();
        }
    }

    @Test
    void shouldCarryOnFromTheLastSequenceWhenReopened()
    {
        try (InputJournal journal = new InputJournal(context()))
        {
            MarketStream.journal(journal, commands.subList(0, 500), 10);
        }
        try (InputJournal journal = new InputJournal(context()))
        {
            assertThat(journal.lastSequence()).isEqualTo(500);
            MarketStream.journal(journal, commands.subList(500, commands.size()), 10);
        }
        assertThat(readAll(1, Long.MAX_VALUE).result.entriesRead()).isEqualTo(commands.size());
    }

    @Test
    void shouldRefuseASequenceThatIsNotTheNextOne()
    {
        try (InputJournal journal = new InputJournal(context()))
        {
            append(journal, 0);
            append(journal, 1);
            assertThatThrownBy(() -> append(journal, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sequence 4 does not follow 2");
            assertThatThrownBy(() -> append(journal, 1)).isInstanceOf(IllegalStateException.class);
            assertThat(journal.lastSequence()).isEqualTo(2);
        }
    }

    @Test
    void shouldStartANewBatchWhenAnEntryWouldNotFit()
    {
        try (InputJournal journal = new InputJournal(context().maxBatchBytes(1_000)))
        {
            MarketStream.journal(journal, commands, Integer.MAX_VALUE);
        }
        assertThat(readAll(1, Long.MAX_VALUE).result.entriesRead()).isEqualTo(commands.size());
    }

    @Test
    void shouldReportAFlippedByteInTheLastBatchAndDeliverEverythingBeforeIt()
    {
        try (InputJournal journal = new InputJournal(context()))
        {
            MarketStream.journal(journal, commands, 16);
        }
        final QueueFiles.Document last = QueueFiles.lastDocument(directory);
        QueueFiles.flipByte(last.file(), last.position() + last.length() - 3);

        final Recorded read = readAll(1, Long.MAX_VALUE);
        final long firstOfLastBatch = commands.size() - (commands.size() % 16 == 0 ? 16 : commands.size() % 16) + 1;
        assertThat(read.result.entriesRead()).isEqualTo(firstOfLastBatch - 1);
        final JournalCorruption corruption = read.result.corruption();
        assertThat(corruption.reason()).isEqualTo(JournalCorruption.Reason.CHECKSUM_MISMATCH);
        assertThat(corruption.position()).isEqualTo(last.position());
        assertThat(corruption.index()).isEqualTo(last.index());
        assertThat(corruption.file()).isEqualTo(last.file());
        assertThat(corruption.expectedSequence()).isEqualTo(firstOfLastBatch);
        assertThatThrownBy(() -> new InputJournal(context())).isInstanceOf(JournalCorruptedException.class)
            .hasMessageContaining("CHECKSUM_MISMATCH");
    }

    @Test
    void shouldReportABodyThatNeverReachedTheDisk()
    {
        try (InputJournal journal = new InputJournal(context()))
        {
            MarketStream.journal(journal, commands, 16);
        }
        final QueueFiles.Document last = QueueFiles.lastDocument(directory);
        QueueFiles.zeroFrom(last.file(), last.position() + 40, last.length() - 40);

        final JournalReadResult result = readAll(1, Long.MAX_VALUE).result;
        assertThat(result.corruption().reason()).isEqualTo(JournalCorruption.Reason.CHECKSUM_MISMATCH);
        assertThat(result.nextSequence()).isEqualTo(result.corruption().expectedSequence());
    }

    @Test
    void shouldReportALengthPrefixRunningPastTheBatchEvenWithAValidChecksum()
    {
        final byte[] command = commands.get(0);
        final UnsafeBuffer batch = new UnsafeBuffer(new byte[BatchFormat.HEADER_LENGTH + 4 + command.length]);
        batch.putInt(BatchFormat.COUNT_OFFSET, 1, BatchFormat.ORDER);
        batch.putLong(BatchFormat.FIRST_SEQUENCE_OFFSET, 1, BatchFormat.ORDER);
        batch.putInt(BatchFormat.HEADER_LENGTH, command.length + 1, BatchFormat.ORDER);
        batch.putBytes(BatchFormat.HEADER_LENGTH + 4, command);
        batch.putInt(0, BatchFormat.checksum(new java.util.zip.CRC32C(), batch.byteArray(), batch.capacity()), BatchFormat.ORDER);

        final BatchChecker checker = new BatchChecker();
        assertThat(checker.check(batch.byteArray(), batch, batch.capacity(), 1)).isFalse();
        assertThat(checker.reason()).isEqualTo(JournalCorruption.Reason.ENTRY_OVERRUNS_BATCH);
    }

    @Test
    void shouldSeeAConsistentPrefixWhileAWriterAppends() throws Exception
    {
        final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        final Thread writer = new Thread(() ->
        {
            try (InputJournal journal = new InputJournal(context()))
            {
                MarketStream.journal(journal, commands, 3);
            }
            catch (final Throwable ex)
            {
                writerFailure.set(ex);
            }
        });
        writer.start();
        final List<byte[]> seen = new ArrayList<>();
        try (JournalReader reader = new JournalReader(directory))
        {
            long next = 1;
            final long deadlineNs = System.nanoTime() + 20_000_000_000L;
            while (next <= commands.size() && System.nanoTime() < deadlineNs)
            {
                final JournalReadResult result = reader.read(next, Long.MAX_VALUE, (sequence, timestampNs, buffer, offset, length) ->
                    seen.add(copy(buffer, offset, length)));
                assertThat(result.corruption()).isNull();
                next = result.nextSequence();
            }
        }
        writer.join();
        assertThat(writerFailure.get()).isNull();
        assertThat(seen).hasSize(commands.size());
        for (int i = 0; i < commands.size(); i++)
        {
            assertThat(seen.get(i)).isEqualTo(commands.get(i));
        }
    }

    @Test
    void shouldJournalEachCommandsEventsTaggedWithItsSequence()
    {
        final List<byte[]> published = new ArrayList<>();
        try (OutputJournal events = new OutputJournal(
            context(), (buffer, offset, length) -> published.add(copy(buffer, offset, length))))
        {
            final bourse.engine.MatchingEngine engine = new bourse.engine.MatchingEngine(
                new bourse.engine.MatchingEngine.Context().eventSink(events));
            MarketStream.apply(engine, commands);
            events.commitBatch();
            assertThat(events.lastSequence()).isEqualTo(commands.size());
        }
        final Recorded journaled = readAll(1, Long.MAX_VALUE);
        assertThat(journaled.entries).hasSize(published.size()).hasSize(commands.size());
        for (int i = 0; i < published.size(); i++)
        {
            assertThat(journaled.entries.get(i)).isEqualTo(published.get(i));
        }
    }

    private JournalContext context()
    {
        return new JournalContext().directory(directory);
    }

    private static void append(final InputJournal journal, final int index)
    {
        journal.append(new UnsafeBuffer(commands.get(index)), 0, commands.get(index).length);
    }

    private Recorded readAll(final long from, final long to)
    {
        final Recorded recorded = new Recorded();
        try (JournalReader reader = new JournalReader(directory))
        {
            recorded.result = reader.read(from, to, (sequence, timestampNs, buffer, offset, length) ->
            {
                recorded.sequences.add(sequence);
                recorded.entries.add(copy(buffer, offset, length));
            });
        }
        return recorded;
    }

    private static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    private static final class Recorded
    {
        final List<Long> sequences = new ArrayList<>();
        final List<byte[]> entries = new ArrayList<>();
        JournalReadResult result;
    }
}
