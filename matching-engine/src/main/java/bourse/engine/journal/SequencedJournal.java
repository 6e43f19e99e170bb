package bourse.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

import static bourse.engine.journal.BatchFormat.ENTRY_HEADER_LENGTH;
import static bourse.engine.journal.BatchFormat.HEADER_LENGTH;
import static bourse.engine.journal.BatchFormat.MIN_ENTRY_LENGTH;
import static bourse.engine.journal.BatchFormat.ORDER;

/**
 * The append side shared by {@link InputJournal} and {@link OutputJournal}: entries whose sequences
 * go up by exactly one, gathered into a batch in memory and written as one Chronicle document per
 * batch (see {@link BatchFormat}), synced as the {@link SyncPolicy} says. One writer per journal, on
 * one thread; no allocation per entry or per batch.
 */
final class SequencedJournal implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final SyncPolicy syncPolicy;
    private final long syncIntervalNs;
    private final NanoClock clock;
    private final CRC32C crc = new CRC32C();
    private final byte[] batch;
    private final UnsafeBuffer batchBuffer;

    private int batchLength;
    private int batchCount;
    private long lastSequence;
    private long lastTimestampNs;
    private long committedSequence;
    private long lastSyncNs;

    SequencedJournal(final JournalContext context)
    {
        context.conclude();
        syncPolicy = context.syncPolicy();
        syncIntervalNs = context.syncIntervalNs();
        clock = context.nanoClock();
        queue = SingleChronicleQueueBuilder.single(context.directory().toFile())
            .rollCycle(context.rollCycle())
            // Chronicle msyncs only when asked (appender.sync()); this sets how: blocking or not at all.
            .syncMode(syncPolicy == SyncPolicy.NONE ? SyncMode.NONE : SyncMode.SYNC)
            .build();
        try
        {
            lastSequence = lastCommittedSequence(context);
            committedSequence = lastSequence;
            appender = queue.createAppender();
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
        batch = new byte[context.maxBatchBytes()];
        batchBuffer = new UnsafeBuffer(batch);
        lastSyncNs = clock.nanoTime();
    }

    /**
     * Adds one entry to the current batch, committing the batch first if the entry would not fit.
     *
     * @throws IllegalStateException    if the entry's sequence is not the last one plus one: a sequencer bug.
     * @throws IllegalArgumentException if the entry is too short to hold a sequence or too long for a batch.
     */
    void append(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MIN_ENTRY_LENGTH || HEADER_LENGTH + ENTRY_HEADER_LENGTH + length > batch.length)
        {
            throw new IllegalArgumentException("entry of " + length + " bytes: must be in [" + MIN_ENTRY_LENGTH + ", " +
                (batch.length - HEADER_LENGTH - ENTRY_HEADER_LENGTH) + "]");
        }
        final long sequence = BatchFormat.sequence(buffer, offset);
        if (sequence != lastSequence + 1)
        {
            throw new IllegalStateException("sequence " + sequence + " does not follow " + lastSequence);
        }
        lastTimestampNs = BatchFormat.timestampNs(buffer, offset);
        if (batchLength + ENTRY_HEADER_LENGTH + length > batch.length)
        {
            commitBatch();
        }
        if (batchCount == 0)
        {
            batchLength = HEADER_LENGTH;
            batchBuffer.putLong(BatchFormat.FIRST_SEQUENCE_OFFSET, sequence, ORDER);
        }
        batchBuffer.putInt(batchLength, length, ORDER);
        batchBuffer.putBytes(batchLength + ENTRY_HEADER_LENGTH, buffer, offset, length);
        batchLength += ENTRY_HEADER_LENGTH + length;
        batchCount++;
        lastSequence = sequence;
    }

    /** Whether an entry of {@code length} bytes joins the current batch, rather than having it committed first. */
    boolean fitsInBatch(final int length)
    {
        return batchLength + ENTRY_HEADER_LENGTH + length <= batch.length;
    }

    /** Writes the current batch as one document and syncs as the policy says; nothing to do if it is empty. */
    void commitBatch()
    {
        if (batchCount == 0)
        {
            return;
        }
        batchBuffer.putInt(BatchFormat.COUNT_OFFSET, batchCount, ORDER);
        batchBuffer.putInt(BatchFormat.CHECKSUM_OFFSET, BatchFormat.checksum(crc, batch, batchLength), ORDER);
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(batch, 0, batchLength);
        }
        batchCount = 0;
        batchLength = 0;
        committedSequence = lastSequence;
        sync();
    }

    /** The timestamp of the last entry appended, or of the last one journaled before this opened; 0 for none. */
    long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    /** The last sequence appended, committed or still in the current batch; 0 for an empty journal. */
    long lastSequence()
    {
        return lastSequence;
    }

    /** The last sequence in a committed batch. */
    long committedSequence()
    {
        return committedSequence;
    }

    /**
     * Lets the next thread that appends or commits own the journal. Chronicle's appender refuses to be
     * used by a second thread; a journal written during recovery on one thread is then appended to by the
     * engine thread, and closed by whichever thread stops the engine.
     */
    void releaseThread()
    {
        appender.singleThreadedCheckReset();
    }

    /** Commits the current batch, then closes the queue; from any thread, once the appending one is done. */
    @Override
    public void close()
    {
        try
        {
            releaseThread();
            commitBatch();
        }
        finally
        {
            appender.close();
            queue.close();
        }
    }

    private void sync()
    {
        if (syncPolicy == SyncPolicy.SYNC)
        {
            appender.sync();
        }
        else if (syncPolicy == SyncPolicy.PERIODIC)
        {
            final long nowNs = clock.nanoTime();
            if (nowNs - lastSyncNs >= syncIntervalNs)
            {
                appender.sync();
                lastSyncNs = nowNs;
            }
        }
    }

    /** Checks the tail batch, read backwards from the end: appending after damage would bury it. */
    private long lastCommittedSequence(final JournalContext context)
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd();
            DocumentContext document = tailer.readingDocument())
        {
            if (!document.isPresent())
            {
                return 0;
            }
            final Bytes<?> bytes = document.wire().bytes();
            final long position = bytes.readPosition();
            final int length = (int)bytes.readRemaining();
            final byte[] tail = new byte[length];
            bytes.read(tail, 0, length);
            final BatchChecker checker = new BatchChecker();
            if (!checker.check(tail, new UnsafeBuffer(tail), length, -1))
            {
                throw new JournalCorruptedException(new JournalCorruption(checker.reason(),
                    tailer.currentFile() == null ? null : tailer.currentFile().toPath(), document.index(), position, -1,
                    checker.detail() + "; the journal in " + context.directory() + " ends in a damaged batch"));
            }
            final UnsafeBuffer tailBuffer = new UnsafeBuffer(tail);
            final int count = tailBuffer.getInt(BatchFormat.COUNT_OFFSET, ORDER);
            int entryOffset = HEADER_LENGTH;
            for (int entry = 1; entry < count; entry++)
            {
                entryOffset += ENTRY_HEADER_LENGTH + tailBuffer.getInt(entryOffset, ORDER);
            }
            lastTimestampNs = BatchFormat.timestampNs(tailBuffer, entryOffset + ENTRY_HEADER_LENGTH);
            return tailBuffer.getLong(BatchFormat.FIRST_SEQUENCE_OFFSET, ORDER) + count - 1;
        }
    }
}
