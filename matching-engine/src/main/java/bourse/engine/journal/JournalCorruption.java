package bourse.engine.journal;

import java.nio.file.Path;

/**
 * Where and why a journal stops being trustworthy: the first batch that failed a check. Everything
 * before it was read and checked; nothing from it on was delivered.
 *
 * @param reason   what failed.
 * @param file     the queue file holding the batch, or {@code null} if Chronicle could not say.
 * @param index    the Chronicle index of the batch (cycle and position within it), or -1 if unknown.
 * @param position byte position of the batch's body in {@code file}, or -1 if unknown.
 * @param expectedSequence the sequence the next entry should have had.
 * @param detail   a sentence a person can act on.
 */
public record JournalCorruption(Reason reason, Path file, long index, long position, long expectedSequence, String detail)
{
    /** The check a batch failed. */
    public enum Reason
    {
        /** The document is shorter than a batch header, or its entries end before the document does. */
        TRUNCATED_BATCH,
        /** The CRC32C does not match the bytes: a torn write after a power loss, or damage at rest. */
        CHECKSUM_MISMATCH,
        /** An entry's length prefix runs past the end of the batch, or is too short for an entry. */
        ENTRY_OVERRUNS_BATCH,
        /** The batch does not continue the sequence: a gap, a repeat, or entries out of order. */
        SEQUENCE_GAP,
        /** Chronicle's index lists documents beyond the last one it lets us read: a damaged document header. */
        UNREADABLE_DOCUMENT
    }

    @Override
    public String toString()
    {
        return reason + " at index 0x" + Long.toHexString(index) + ", position " + position + " of " + file +
            " (expected sequence " + expectedSequence + "): " + detail;
    }
}
