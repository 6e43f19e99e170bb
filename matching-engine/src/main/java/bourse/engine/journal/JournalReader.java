package bourse.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.file.Path;

import static bourse.engine.journal.BatchFormat.COUNT_OFFSET;
import static bourse.engine.journal.BatchFormat.ENTRY_HEADER_LENGTH;
import static bourse.engine.journal.BatchFormat.FIRST_SEQUENCE_OFFSET;
import static bourse.engine.journal.BatchFormat.HEADER_LENGTH;
import static bourse.engine.journal.BatchFormat.ORDER;

/**
 * Reads a journal (input or output) in sequence order, checking every batch it delivers from: its
 * checksum, its length prefixes, and that its sequences continue the ones before it with no gap. The
 * first batch that fails is reported as a {@link JournalCorruption} and nothing from it on is
 * delivered. Works while a writer appends, in this process or another: a read returns what is
 * committed now, and a later read continues where it stopped without rescanning.
 * <p>
 * One reader, one thread. Allocation-free per entry: each batch is copied out of the mapped file into
 * one reused array before it is checked, so the bytes a handler sees cannot change under it.
 */
public final class JournalReader implements AutoCloseable
{
    private static final int INITIAL_BATCH_CAPACITY = 64 * 1024;

    private final Path directory;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final BatchChecker checker = new BatchChecker();
    private byte[] batch = new byte[INITIAL_BATCH_CAPACITY];
    private final UnsafeBuffer batchBuffer = new UnsafeBuffer(batch);

    /** First sequence of the document at the tailer's position; 0 when the tailer is not positioned. */
    private long tailerSequence;
    /** Where the last read stopped: a read from here continues from the tailer's position. */
    private long nextSequence;

    public JournalReader(final Path directory)
    {
        this.directory = directory;
        this.queue = SingleChronicleQueueBuilder.single(directory.toFile()).build();
        this.tailer = queue.createTailer();
    }

    /**
     * Delivers every entry with {@code fromSequence <= sequence < toSequenceExclusive} that is in the
     * journal now, in order, then returns. Stops early at the first damaged batch, reporting it.
     *
     * @param fromSequence        first sequence wanted, at least 1 (the first sequence of any journal).
     * @param toSequenceExclusive first sequence not wanted; {@code Long.MAX_VALUE} for everything.
     */
    public JournalReadResult read(final long fromSequence, final long toSequenceExclusive, final JournalEntryHandler handler)
    {
        if (fromSequence < 1 || toSequenceExclusive < fromSequence)
        {
            throw new IllegalArgumentException("sequences must satisfy 1 <= from <= to: " + fromSequence + ", " + toSequenceExclusive);
        }
        if (tailerSequence == 0 || fromSequence != nextSequence)
        {
            tailer.toStart();
            tailerSequence = 1;
        }
        long delivered = 0;
        long next = fromSequence;
        boolean retriedEnd = false;
        boolean unreadable = false;
        while (next < toSequenceExclusive)
        {
            final long documentIndex;
            final long position;
            final int length;
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    // Chronicle's index counting past what the tailer can read is either a document
                    // completed a moment ago (so look once more) or a damaged document header.
                    if (queue.lastIndex() < tailer.index())
                    {
                        break;
                    }
                    if (retriedEnd)
                    {
                        unreadable = true;
                        break;
                    }
                    retriedEnd = true;
                    continue;
                }
                retriedEnd = false;
                documentIndex = document.index();
                final Bytes<?> bytes = document.wire().bytes();
                position = bytes.readPosition();
                length = (int)Math.min(Integer.MAX_VALUE, bytes.readRemaining());
                ensureCapacity(length);
                bytes.read(batch, 0, length);
            }
            // Batches wholly before the wanted range are checked too: damaged history is never skipped unnoticed.
            if (!checker.check(batch, batchBuffer, length, tailerSequence))
            {
                final JournalCorruption corruption = new JournalCorruption(
                    checker.reason(), file(), documentIndex, position, tailerSequence, checker.detail());
                tailer.moveToIndex(documentIndex);
                tailerSequence = 0;
                nextSequence = next;
                return new JournalReadResult(delivered, next, corruption);
            }
            final long firstSequence = batchBuffer.getLong(FIRST_SEQUENCE_OFFSET, ORDER);
            final int count = batchBuffer.getInt(COUNT_OFFSET, ORDER);
            tailerSequence = firstSequence + count;
            int entryOffset = HEADER_LENGTH;
            for (long sequence = firstSequence; sequence < firstSequence + count; sequence++)
            {
                final int entryLength = batchBuffer.getInt(entryOffset, ORDER);
                final int bodyOffset = entryOffset + ENTRY_HEADER_LENGTH;
                if (sequence >= next && sequence < toSequenceExclusive)
                {
                    handler.onEntry(sequence, BatchFormat.timestampNs(batchBuffer, bodyOffset), batchBuffer, bodyOffset, entryLength);
                    delivered++;
                    next = sequence + 1;
                }
                entryOffset = bodyOffset + entryLength;
            }
            if (tailerSequence > toSequenceExclusive)
            {
                // Stopped inside this batch: the next read starts by reading it again.
                tailer.moveToIndex(documentIndex);
                tailerSequence = firstSequence;
            }
        }
        if (unreadable)
        {
            final JournalCorruption damagedHeader = new JournalCorruption(
                JournalCorruption.Reason.UNREADABLE_DOCUMENT, file(), tailer.index(), -1, tailerSequence,
                "Chronicle lists documents up to index 0x" + Long.toHexString(queue.lastIndex()) +
                " but cannot read the one at 0x" + Long.toHexString(tailer.index()) + ": its header is damaged");
            nextSequence = next;
            return new JournalReadResult(delivered, next, damagedHeader);
        }
        nextSequence = next;
        return new JournalReadResult(delivered, next, null);
    }

    /**
     * The last sequence in the journal's last committed batch (0 for an empty journal), from that batch's
     * header alone: nothing is read or checked on the way, so it says how far a read will go (a progress
     * bar's end), not that the journal is intact up to there. Does not move this reader.
     */
    public long lastSequence()
    {
        try (ExcerptTailer backward = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
            DocumentContext document = backward.readingDocument())
        {
            if (!document.isPresent() || document.wire().bytes().readRemaining() < HEADER_LENGTH)
            {
                return 0;
            }
            final Bytes<?> bytes = document.wire().bytes();
            final byte[] header = new byte[HEADER_LENGTH];
            bytes.read(header, 0, HEADER_LENGTH);
            final UnsafeBuffer headerBuffer = new UnsafeBuffer(header);
            return Math.max(0, headerBuffer.getLong(FIRST_SEQUENCE_OFFSET, ORDER) + headerBuffer.getInt(COUNT_OFFSET, ORDER) - 1);
        }
    }

    /**
     * Lets another thread read next: call it on the thread that read last (a catch-up at start, say)
     * before another takes over, as a Chronicle tailer belongs to one thread at a time.
     */
    public void releaseThread()
    {
        tailer.singleThreadedCheckReset();
    }

    /** The journal's directory. */
    public Path directory()
    {
        return directory;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }

    private Path file()
    {
        final File file = tailer.currentFile();
        return file == null ? null : file.toPath();
    }

    private void ensureCapacity(final int length)
    {
        if (length > batch.length)
        {
            batch = new byte[Math.max(length, batch.length * 2)];
            batchBuffer.wrap(batch);
        }
    }
}
