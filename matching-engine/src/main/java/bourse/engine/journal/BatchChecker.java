package bourse.engine.journal;

import org.agrona.DirectBuffer;

import java.util.zip.CRC32C;

import static bourse.engine.journal.BatchFormat.COUNT_OFFSET;
import static bourse.engine.journal.BatchFormat.ENTRY_HEADER_LENGTH;
import static bourse.engine.journal.BatchFormat.FIRST_SEQUENCE_OFFSET;
import static bourse.engine.journal.BatchFormat.HEADER_LENGTH;
import static bourse.engine.journal.BatchFormat.MIN_ENTRY_LENGTH;
import static bourse.engine.journal.BatchFormat.ORDER;

/**
 * Checks one batch copied out of its document: whole, intact, every length prefix inside it, every
 * entry's own sequence the next one. On failure {@link #reason()} and {@link #detail()} say why;
 * success allocates nothing.
 */
final class BatchChecker
{
    private final CRC32C crc = new CRC32C();
    private JournalCorruption.Reason reason;
    private String detail;

    /**
     * @param expectedFirstSequence the sequence the batch must start with, or -1 to accept any start.
     * @return whether the batch passed every check.
     */
    boolean check(final byte[] batch, final DirectBuffer batchBuffer, final int length, final long expectedFirstSequence)
    {
        if (length < HEADER_LENGTH)
        {
            return fail(JournalCorruption.Reason.TRUNCATED_BATCH, "document of " + length + " bytes is shorter than a batch header");
        }
        final int recordedChecksum = batchBuffer.getInt(BatchFormat.CHECKSUM_OFFSET, ORDER);
        if (recordedChecksum != BatchFormat.checksum(crc, batch, length))
        {
            return fail(JournalCorruption.Reason.CHECKSUM_MISMATCH, "batch of " + length + " bytes does not match its CRC32C");
        }
        final long firstSequence = batchBuffer.getLong(FIRST_SEQUENCE_OFFSET, ORDER);
        final int count = batchBuffer.getInt(COUNT_OFFSET, ORDER);
        if ((expectedFirstSequence != -1 && firstSequence != expectedFirstSequence) || count < 1)
        {
            return fail(JournalCorruption.Reason.SEQUENCE_GAP, "batch of " + count + " entries starts at sequence " + firstSequence);
        }
        int entryOffset = HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            if (entryOffset + ENTRY_HEADER_LENGTH > length)
            {
                return fail(JournalCorruption.Reason.TRUNCATED_BATCH, "batch ends after " + i + " of its " + count + " entries");
            }
            final int entryLength = batchBuffer.getInt(entryOffset, ORDER);
            final int bodyOffset = entryOffset + ENTRY_HEADER_LENGTH;
            if (entryLength < MIN_ENTRY_LENGTH || entryLength > length - bodyOffset)
            {
                return fail(JournalCorruption.Reason.ENTRY_OVERRUNS_BATCH, "entry " + i + " at offset " + entryOffset +
                    " claims " + entryLength + " bytes, " + (length - bodyOffset) + " remain");
            }
            final long sequence = BatchFormat.sequence(batchBuffer, bodyOffset);
            if (sequence != firstSequence + i)
            {
                return fail(JournalCorruption.Reason.SEQUENCE_GAP,
                    "entry " + i + " has sequence " + sequence + ", not " + (firstSequence + i));
            }
            entryOffset = bodyOffset + entryLength;
        }
        if (entryOffset != length)
        {
            return fail(JournalCorruption.Reason.TRUNCATED_BATCH, (length - entryOffset) + " bytes after the last entry");
        }
        return true;
    }

    JournalCorruption.Reason reason()
    {
        return reason;
    }

    String detail()
    {
        return detail;
    }

    private boolean fail(final JournalCorruption.Reason reason, final String detail)
    {
        this.reason = reason;
        this.detail = detail;
        return false;
    }
}
