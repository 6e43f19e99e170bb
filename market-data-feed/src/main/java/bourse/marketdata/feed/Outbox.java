package bourse.marketdata.feed;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The incremental messages the feed has encoded and not yet published, in order: each one is encoded
 * in place ({@link #claim} then {@link #commit}) and leaves from the head once the publication takes it.
 * While the publication refuses (back pressure) messages accumulate here rather than being dropped;
 * {@link #pendingBytes()} tells the feed when to stop taking engine events. The buffer grows to the
 * largest backlog it has held and is reused: nothing is allocated in steady state.
 */
public final class Outbox
{
    private static final int LENGTH_PREFIX = Integer.BYTES;
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private int head;
    private int tail;
    private int count;

    /** Makes room for a message of up to {@code maxLength} bytes; returns the offset to encode it at. */
    public int claim(final int maxLength)
    {
        if (head > 0 && head >= buffer.capacity() / 2)
        {
            buffer.putBytes(0, buffer, head, tail - head);
            tail -= head;
            head = 0;
        }
        buffer.checkLimit(tail + LENGTH_PREFIX + maxLength);
        return tail + LENGTH_PREFIX;
    }

    /** Adds the message encoded at the last claimed offset, {@code length} bytes long. */
    public void commit(final int length)
    {
        buffer.putInt(tail, length);
        tail += LENGTH_PREFIX + length;
        count++;
    }

    /** The buffer messages are encoded into and read from. */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    public boolean isEmpty()
    {
        return count == 0;
    }

    /** Messages waiting. */
    public int size()
    {
        return count;
    }

    /** Bytes waiting, framing included. */
    public int pendingBytes()
    {
        return tail - head;
    }

    /** Offset of the oldest message; only when not empty. */
    public int headOffset()
    {
        return head + LENGTH_PREFIX;
    }

    /** Length of the oldest message; only when not empty. */
    public int headLength()
    {
        return buffer.getInt(head);
    }

    /** Forgets every message: history derived while catching up, which nobody subscribed to hear. */
    public void clear()
    {
        head = 0;
        tail = 0;
        count = 0;
    }

    /** Forgets the oldest message: published, or given up. */
    public void removeHead()
    {
        head += LENGTH_PREFIX + buffer.getInt(head);
        if (--count == 0)
        {
            head = 0;
            tail = 0;
        }
    }
}
