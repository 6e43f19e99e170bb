package bourse.engine.service;

import bourse.engine.journal.SequencerState;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The last correlation id applied per source id: how the sequencer recognises a resend. A source's
 * correlation ids must increase, so a command whose correlation id is not above the last one applied
 * for its source was applied already (or was overtaken by a later one) and must not be applied again.
 *
 * <p>The table is derived from sequenced commands only: feeding every command of the input journal
 * to {@link #onSequenced} in order rebuilds exactly the table the service had. Recovery does that from
 * the table recorded in the snapshot on ({@link SequencerState}). Only commands of the Bourse schema
 * take part; a frame too short to carry a correlation id, or of another schema, is neither checked nor
 * recorded.
 *
 * <p>As recorded in a snapshot (little-endian): int32 count, then per source in source id order, int32
 * source id and int64 last correlation id.
 */
public final class LastCorrelationIds implements SequencerState
{
    private static final long NONE = Long.MIN_VALUE;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int COUNT_LENGTH = 4;
    private static final int ENTRY_LENGTH = 12;

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
    @Override
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

    /** Writes the table in source id order, so that equal tables give equal bytes. Allocates: for snapshots only. */
    @Override
    public int write(final MutableDirectBuffer buffer, final int offset)
    {
        final long[] sources = new long[lastBySource.size()];
        final int[] count = {0};
        lastBySource.forEachLong((sourceId, correlationId) -> sources[count[0]++] = sourceId);
        Arrays.sort(sources);
        buffer.putInt(offset, sources.length, ORDER);
        int position = offset + COUNT_LENGTH;
        for (final long sourceId : sources)
        {
            buffer.putInt(position, (int)sourceId, ORDER);
            buffer.putLong(position + 4, lastBySource.get(sourceId), ORDER);
            position += ENTRY_LENGTH;
        }
        return position - offset;
    }

    /** Replaces the table with one {@link #write} wrote, checking it whole before changing anything. */
    @Override
    public void load(final DirectBuffer buffer, final int offset, final int length)
    {
        final int count = length < COUNT_LENGTH ? -1 : buffer.getInt(offset, ORDER);
        if (count < 0 || (long)COUNT_LENGTH + (long)count * ENTRY_LENGTH != length)
        {
            throw new IllegalArgumentException("a resend table of " + length + " bytes cannot hold " + count + " sources");
        }
        for (int i = 0; i < count; i++)
        {
            if (buffer.getLong(offset + COUNT_LENGTH + i * ENTRY_LENGTH + 4, ORDER) == NONE)
            {
                throw new IllegalArgumentException("a resend table entry without a correlation id, at " + i);
            }
        }
        lastBySource.clear();
        for (int i = 0; i < count; i++)
        {
            final int position = offset + COUNT_LENGTH + i * ENTRY_LENGTH;
            lastBySource.put(buffer.getInt(position, ORDER), buffer.getLong(position + 4, ORDER));
        }
    }
}
