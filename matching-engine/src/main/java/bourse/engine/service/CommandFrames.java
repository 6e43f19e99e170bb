package bourse.engine.service;

import bourse.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The common start of every command, right after the SBE header: sequence (int64), timestampNs
 * (int64), sourceId (int32), correlationId (int64). The service reads and stamps these fields in place,
 * whatever the command, without decoding it.
 */
final class CommandFrames
{
    static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    static final int COMMON_FIELDS_LENGTH = 28;
    private static final int SEQUENCE_OFFSET = HEADER_LENGTH;
    private static final int TIMESTAMP_OFFSET = HEADER_LENGTH + 8;
    private static final int SOURCE_ID_OFFSET = HEADER_LENGTH + 16;
    private static final int CORRELATION_ID_OFFSET = HEADER_LENGTH + 20;
    private static final int BLOCK_LENGTH_OFFSET = 0;
    private static final int TEMPLATE_ID_OFFSET = 2;
    private static final int SCHEMA_ID_OFFSET = 4;

    private CommandFrames()
    {
    }

    /**
     * Whether the frame has room for the common fields: a header, and a block at least as long as the
     * fields. The engine reads the sequence of exactly such frames, whatever their schema or template,
     * even when it rejects them as unknown; shorter frames cannot carry a sequence.
     */
    static boolean canCarrySequence(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= HEADER_LENGTH + COMMON_FIELDS_LENGTH &&
            (buffer.getShort(offset + BLOCK_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) >= COMMON_FIELDS_LENGTH;
    }

    /**
     * Whether the frame carries a Bourse source id and correlation id: it can carry a sequence and is of
     * the Bourse schema. Only such frames take part in duplicate detection, so bytes of a foreign message
     * never pass for a source's correlation id.
     */
    static boolean hasSourceIdentity(final DirectBuffer buffer, final int offset, final int length)
    {
        return canCarrySequence(buffer, offset, length) && schemaId(buffer, offset) == MessageHeaderDecoder.SCHEMA_ID;
    }

    /** The template id in the header, or 0 for a frame shorter than a header, as the engine reports it. */
    static int templateId(final DirectBuffer buffer, final int offset, final int length)
    {
        return length < HEADER_LENGTH ? 0 : buffer.getShort(offset + TEMPLATE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    static int sourceId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + SOURCE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static long correlationId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + CORRELATION_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /** The sequence a stamped command, or any event, carries. */
    static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    static void stamp(final MutableDirectBuffer buffer, final int offset, final long sequence, final long timestampNs)
    {
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
    }

    private static int schemaId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + SCHEMA_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }
}
