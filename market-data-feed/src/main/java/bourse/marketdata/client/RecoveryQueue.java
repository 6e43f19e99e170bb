package bourse.marketdata.client;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The incremental messages of one instrument received while its book waits for a snapshot: a run of
 * consecutive instrument sequences, copied in order, bounded in bytes. A message that does not follow
 * the last one (another gap) starts the run again; a run that outgrows the bound is dropped, and then
 * only a snapshot at least as recent as the last message seen will do.
 */
final class RecoveryQueue
{
    private static final int LENGTH_PREFIX = Integer.BYTES;
    private static final int INITIAL_CAPACITY = 4 * 1024;

    private final int maxBytes;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private int limit;
    private long firstSequence;
    private long lastSequence;

    RecoveryQueue(final int maxBytes)
    {
        this.maxBytes = maxBytes;
    }

    boolean isEmpty()
    {
        return limit == 0;
    }

    long firstSequence()
    {
        return firstSequence;
    }

    long lastSequence()
    {
        return lastSequence;
    }

    /** Appends the message with instrument sequence {@code sequence}, restarting the run when it does not follow. */
    void add(final long sequence, final DirectBuffer message, final int offset, final int length)
    {
        if (!isEmpty() && sequence != lastSequence + 1)
        {
            clear();
        }
        if (limit + LENGTH_PREFIX + length > maxBytes)
        {
            clear();
            return;
        }
        if (isEmpty())
        {
            firstSequence = sequence;
        }
        lastSequence = sequence;
        buffer.putInt(limit, length);
        buffer.putBytes(limit + LENGTH_PREFIX, message, offset, length);
        limit += LENGTH_PREFIX + length;
    }

    void clear()
    {
        limit = 0;
        firstSequence = 0;
        lastSequence = 0;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    /** Offset of the first message, or of the one after the message at {@code position}: iterate with {@link #next}. */
    int start()
    {
        return 0;
    }

    /** Whether a message starts at {@code position}. */
    boolean hasMessageAt(final int position)
    {
        return position < limit;
    }

    int messageOffset(final int position)
    {
        return position + LENGTH_PREFIX;
    }

    int messageLength(final int position)
    {
        return buffer.getInt(position);
    }

    int next(final int position)
    {
        return position + LENGTH_PREFIX + buffer.getInt(position);
    }
}
