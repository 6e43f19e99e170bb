package bourse.engine.journal;

import bourse.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The layout of one batch, which is one Chronicle Queue document (little-endian):
 * <pre>
 *   0  int32  CRC32C of bytes [4, end)
 *   4  int32  entry count, at least 1
 *   8  int64  sequence of the first entry
 *  16  entries, end to end: int32 length, then that many bytes (one SBE message or event batch)
 * </pre>
 * Each entry's sequence and timestamp are not repeated in the batch: they are the first two fields of
 * its SBE message, right after the 8-byte message header, and the entries of a batch are consecutive.
 * <p>
 * Why a checksum when Chronicle already frames documents: Chronicle's header marks a document complete
 * only after its body is written, which is enough against a process dying mid-write. It is not enough
 * against a machine dying: with memory-mapped files the kernel writes pages back in any order, so after
 * a power loss a complete header can sit in front of a body that never reached the disk (zeros or old
 * bytes), and nothing protects against bytes damaged at rest. The CRC makes every such batch fail
 * loudly instead of being applied.
 */
final class BatchFormat
{
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    static final int CHECKSUM_OFFSET = 0;
    static final int COUNT_OFFSET = 4;
    static final int FIRST_SEQUENCE_OFFSET = 8;
    static final int HEADER_LENGTH = 16;
    static final int ENTRY_HEADER_LENGTH = 4;
    /** Every entry starts with an SBE message header, then sequence and timestampNs. */
    static final int SEQUENCE_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH;
    static final int TIMESTAMP_OFFSET = SEQUENCE_OFFSET + 8;
    static final int MIN_ENTRY_LENGTH = TIMESTAMP_OFFSET + 8;

    private BatchFormat()
    {
    }

    static long sequence(final DirectBuffer buffer, final int entryOffset)
    {
        return buffer.getLong(entryOffset + SEQUENCE_OFFSET, ORDER);
    }

    static long timestampNs(final DirectBuffer buffer, final int entryOffset)
    {
        return buffer.getLong(entryOffset + TIMESTAMP_OFFSET, ORDER);
    }

    /** CRC32C of the batch after its checksum field; {@code crc} is reset first. */
    static int checksum(final CRC32C crc, final byte[] batch, final int length)
    {
        crc.reset();
        crc.update(batch, COUNT_OFFSET, length - COUNT_OFFSET);
        return (int)crc.getValue();
    }
}
