package bourse.engine.testing;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One encoded command (message header and block) ready for {@code engine.onCommand(buffer, offset, length)},
 * with a one-line description of what was encoded, which is what a failing test prints.
 */
public record Command(UnsafeBuffer buffer, int offset, int length, String description)
{
    public int templateId()
    {
        return length >= 4 ? buffer.getShort(offset + 2, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF : 0;
    }

    @Override
    public String toString()
    {
        return description;
    }
}
