package bourse.engine.service;

import bourse.engine.EventSink;
import bourse.engine.client.EventFrames;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.MessageHeaderDecoder;
import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;

/**
 * Publishes each batch of events on the event publication, one message per batch (split at event
 * boundaries only when a batch is longer than a message may be). What the publication does not take,
 * because it is back-pressured, the driver is busy or no consumer is connected yet, is kept in order
 * as pending and offered again by {@link #publishPending()}; the engine agent takes no new command
 * while anything is pending, so no event is ever dropped.
 * <p>
 * While {@link #hold() holding}, events are not offered at all: they are appended to the pending ones,
 * in order, until {@link #release()}. The engine agent holds the events of a poll whose commands are
 * committed to the journal as one group, so that none leaves before its command is durable; the next
 * {@link #publishPending()} then offers the poll's events together, as few messages as fit. So at most
 * one poll's events wait.
 */
final class EventPublisher implements EventSink
{
    private static final int INITIAL_PENDING_CAPACITY = 64 * 1024;
    private static final int TEMPLATE_ID_OFFSET = 2;
    private static final int REJECT_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + CommandRejectedDecoder.BLOCK_LENGTH;

    private final Publication publication;
    private final EngineCounters counters;
    private final ErrorHandler errorHandler;
    private final int maxMessageLength;
    private final ExpandableArrayBuffer pending = new ExpandableArrayBuffer(INITIAL_PENDING_CAPACITY);
    private int pendingOffset;
    private int pendingLimit;
    private int chunkEvents;
    private int chunkRejects;
    private long lastFailedOfferResult;
    private boolean holding;

    EventPublisher(final Publication publication, final EngineCounters counters, final ErrorHandler errorHandler)
    {
        this.publication = publication;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.maxMessageLength = publication.maxMessageLength();
    }

    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        final int published = holding || hasPending() ? 0 : publish(buffer, offset, length);
        if (published < length)
        {
            if (!hasPending())
            {
                pendingOffset = 0;
                pendingLimit = 0;
            }
            pending.putBytes(pendingLimit, buffer, offset + published, length - published);
            pendingLimit += length - published;
        }
    }

    /** Whether events wait to be published: until they are, the engine must take no new command. */
    boolean hasPending()
    {
        return pendingOffset < pendingLimit;
    }

    /** Bytes of events pending, held or refused. */
    int pendingLength()
    {
        return pendingLimit - pendingOffset;
    }

    /** From now until {@link #release()}, events are kept as pending and not offered. */
    void hold()
    {
        holding = true;
    }

    /** Ends {@link #hold()}: the held events go out with the next {@link #publishPending()}. */
    void release()
    {
        holding = false;
    }

    /** Offers what is pending again; returns the work done (1 if anything went out). Nothing while holding. */
    int publishPending()
    {
        if (holding || !hasPending())
        {
            return 0;
        }
        final int published = publish(pending, pendingOffset, pendingLimit - pendingOffset);
        pendingOffset += published;
        return published > 0 ? 1 : 0;
    }

    /** Offers whole events from the start of the range until done or refused; returns the bytes published. */
    private int publish(final DirectBuffer buffer, final int offset, final int length)
    {
        int published = 0;
        while (published < length)
        {
            final int chunk = chunkLength(buffer, offset + published, length - published);
            final long result = publication.offer(buffer, offset + published, chunk);
            if (result < 0)
            {
                onOfferRefused(result);
                break;
            }
            lastFailedOfferResult = 0;
            counters.eventsOut().getAndAddRelease(chunkEvents);
            if (chunkRejects > 0)
            {
                counters.rejects().getAndAddRelease(chunkRejects);
                countRejectsByReason(buffer, offset + published, chunk);
            }
            published += chunk;
        }
        return published;
    }

    /** The longest run of whole events from the start that fits in one message; counts its events and rejects. */
    private int chunkLength(final DirectBuffer buffer, final int offset, final int length)
    {
        chunkEvents = 0;
        chunkRejects = 0;
        int chunk = 0;
        while (length - chunk >= MessageHeaderDecoder.ENCODED_LENGTH)
        {
            final int position = offset + chunk;
            final int eventLength = EventFrames.length(buffer, position);
            if (chunk > 0 && chunk + eventLength > maxMessageLength)
            {
                break;
            }
            chunk = Math.min(chunk + eventLength, length);
            chunkEvents++;
            if (isReject(buffer, position))
            {
                chunkRejects++;
            }
        }
        return chunk == 0 ? length : chunk;
    }

    /** Rejects are rare: their reasons are counted by a second walk over a published chunk that has some. */
    private void countRejectsByReason(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int position = offset; offset + length - position >= REJECT_LENGTH; position += EventFrames.length(buffer, position))
        {
            if (isReject(buffer, position))
            {
                final AtomicCounter counter = counters.rejectsByReasonValue(
                    buffer.getByte(position + MessageHeaderDecoder.ENCODED_LENGTH + CommandRejectedDecoder.reasonEncodingOffset()) & 0xFF);
                if (counter != null)
                {
                    counter.incrementRelease();
                }
            }
        }
    }

    /**
     * The sequence of the first pending event that has one (the service's own rejects carry 0), or 0 when
     * nothing sequenced is pending: where the published events stop and the journal lag starts.
     */
    long firstPendingSequence()
    {
        for (int position = pendingOffset; pendingLimit - position >= EventFrames.SEQUENCED_LENGTH; position += EventFrames.length(pending, position))
        {
            final long sequence = EventFrames.sequence(pending, position);
            if (sequence != 0)
            {
                return sequence;
            }
        }
        return 0;
    }

    private static boolean isReject(final DirectBuffer buffer, final int position)
    {
        return (buffer.getShort(position + TEMPLATE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == CommandRejectedDecoder.TEMPLATE_ID;
    }

    private void onOfferRefused(final long result)
    {
        counters.backPressure().incrementRelease();
        if ((result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) &&
            result != lastFailedOfferResult)
        {
            errorHandler.onError(new IllegalStateException(
                "event publication refuses every offer (" + Publication.errorString(result) +
                "): the engine takes no more commands"));
        }
        lastFailedOfferResult = result;
    }
}
