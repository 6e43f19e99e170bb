package bourse.engine.service;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * The last correlation id applied per source id: how the sequencer recognises a resend. A source's
 * correlation ids must increase, so a command whose correlation id is not above the last one applied
 * for its source was applied already (or was overtaken by a later one) and must not be applied again.
 *
 * <p>The table is derived from sequenced commands only: feeding every command of the input journal
 * to {@link #onSequenced} in order rebuilds exactly the table the service had, which is how recovery
 * restores it. Only commands of the Bourse schema take part; a frame too short to carry a correlation
 * id, or of another schema, is neither checked nor recorded.
 */
public final class LastCorrelationIds
{
    private static final long NONE = Long.MIN_VALUE;

    /** Keyed by source id (an int; Agrona has no int-to-long map). */
    private final Long2LongHashMap lastBySource = new Long2LongHashMap(NONE);

    /** Whether this command was applied before: its correlation id is not above its source's last one. */
    public boolean isResend(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!CommandFrames.hasSourceIdentity(buffer, offset, length))
        {
            return false;
        }
        final long last = lastBySource.get(CommandFrames.sourceId(buffer, offset));
        return last != NONE && CommandFrames.correlationId(buffer, offset) <= last;
    }

    /** Records a sequenced command: its correlation id becomes its source's last one. */
    public void onSequenced(final DirectBuffer buffer, final int offset, final int length)
    {
        if (CommandFrames.hasSourceIdentity(buffer, offset, length))
        {
            lastBySource.put(CommandFrames.sourceId(buffer, offset), CommandFrames.correlationId(buffer, offset));
        }
    }

    /** The last correlation id applied for the source, or {@link Long#MIN_VALUE} if it never sent one. */
    public long lastCorrelationId(final int sourceId)
    {
        return lastBySource.get(sourceId);
    }
}
