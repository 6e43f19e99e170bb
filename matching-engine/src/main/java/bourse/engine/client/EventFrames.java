package bourse.engine.client;

import bourse.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Walking a batch of engine events without decoding them: each event is an SBE header and a fixed block
 * (no event has variable-length fields), and every block starts with its command's sequence. For those
 * that pass events on or filter them (the service's publisher, {@link JournalCatchUp}).
 */
public final class EventFrames
{
    /** Header and sequence: the shortest event whose sequence can be read. */
    public static final int SEQUENCED_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + Long.BYTES;

    private static final int BLOCK_LENGTH_OFFSET = 0;
    private static final int SEQUENCE_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH;

    private EventFrames()
    {
    }

    /** The length of the event at {@code position}, header included: where the next one starts. */
    public static int length(final DirectBuffer buffer, final int position)
    {
        return MessageHeaderDecoder.ENCODED_LENGTH + (buffer.getShort(position + BLOCK_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
    }

    /** The sequence of the command the event at {@code position} comes from; 0 for the service's unsequenced rejects. */
    public static long sequence(final DirectBuffer buffer, final int position)
    {
        return buffer.getLong(position + SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }
}
