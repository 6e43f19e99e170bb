package bourse.perf.feed;

import bourse.engine.MatchingEngine;
import bourse.marketdata.feed.MarketState;
import bourse.marketdata.feed.Outbox;
import bourse.perf.engine.ExchangeCoreWorkload;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.BookUpdateDecoder;
import bourse.sbe.MessageHeaderDecoder;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The matching engine's output for a whole {@link ExchangeCoreWorkload}: one batch of SBE events per
 * command, as the engine service publishes them, captured once and kept end to end in one off-heap
 * buffer so that replaying it into the feed costs nothing but the feed's own work. The first
 * {@link #setupBatchCount()} batches answer the workload's setup prefix (assets, the instrument,
 * accounts, deposits, the orders that fill the book); the rest answer its benchmark commands.
 * <p>
 * While capturing, a {@link MarketState} derives the market data from the same batches, which tells
 * what the feed makes of each one: how many incremental messages and bytes, and the instrument sequence
 * of its last {@code BookUpdate}, by which a client's book update is matched with the batch behind it.
 */
final class EngineEventStream
{
    /** {@link #bookSequence} of a batch that changes no book. */
    static final long NO_BOOK_UPDATE = -1;

    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    private static final int BLOCK_LENGTH_OFFSET = 0;
    private static final int TEMPLATE_ID_OFFSET = 2;
    /** Every engine event starts with sequence then timestampNs, as every command does. */
    private static final int TIMESTAMP_OFFSET = HEADER_LENGTH + Long.BYTES;
    private static final int INSTRUMENT_SEQUENCE_OFFSET = HEADER_LENGTH + BookUpdateDecoder.instrumentSequenceEncodingOffset();

    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] bookSequences;
    private final int setupBatchCount;
    private final Totals benchmark;

    private EngineEventStream(
        final UnsafeBuffer buffer,
        final int[] offsets,
        final int[] lengths,
        final long[] bookSequences,
        final int setupBatchCount,
        final Totals benchmark)
    {
        this.buffer = buffer;
        this.offsets = offsets;
        this.lengths = lengths;
        this.bookSequences = bookSequences;
        this.setupBatchCount = setupBatchCount;
        this.benchmark = benchmark;
    }

    /**
     * Runs {@code workload} through a fresh engine and keeps every batch of events it publishes; a
     * {@link MarketState} with messages of at most {@code maxMessageLength} bytes derives the market data
     * alongside.
     */
    static EngineEventStream capture(final ExchangeCoreWorkload workload, final int maxMessageLength, final int checksumDepth)
    {
        final Capture capture = new Capture(workload.totalCommandCount(), maxMessageLength, checksumDepth);
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink(capture::onEvents));
        workload.applySetup(engine);
        final Totals setup = capture.totals();
        for (int i = workload.setupCommandCount(); i < workload.totalCommandCount(); i++)
        {
            workload.apply(engine, i);
        }
        if (!capture.errors.isEmpty())
        {
            throw new IllegalStateException("the feed could not apply the engine's events: " + capture.errors.get(0),
                capture.errors.get(0));
        }
        if (capture.count != workload.totalCommandCount())
        {
            throw new IllegalStateException("the engine published " + capture.count + " batches for " +
                workload.totalCommandCount() + " commands");
        }
        final UnsafeBuffer events = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Math.max(1, capture.position), 64));
        events.putBytes(0, capture.events, 0, capture.position);
        return new EngineEventStream(events, capture.offsets, capture.lengths, capture.bookSequences,
            workload.setupCommandCount(), capture.totals().minus(setup));
    }

    int setupBatchCount()
    {
        return setupBatchCount;
    }

    int totalBatchCount()
    {
        return offsets.length;
    }

    int benchmarkBatchCount()
    {
        return offsets.length - setupBatchCount;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int offset(final int batch)
    {
        return offsets[batch];
    }

    int length(final int batch)
    {
        return lengths[batch];
    }

    /**
     * The instrument sequence of the last {@code BookUpdate} the feed publishes for {@code batch}, or
     * {@link #NO_BOOK_UPDATE}: a client whose book has reached that sequence has seen the batch's change.
     */
    long bookSequence(final int batch)
    {
        return bookSequences[batch];
    }

    /** What the feed makes of the benchmark batches (the setup prefix's left out). */
    Totals benchmarkTotals()
    {
        return benchmark;
    }

    /** Sets the time of every event of a batch copied to {@code batch}: the engine stamps them all alike. */
    static void stamp(final MutableDirectBuffer batch, final int offset, final int length, final long timestampNs)
    {
        for (int position = offset; position < offset + length; position += eventLength(batch, position))
        {
            batch.putLong(position + TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static int templateId(final DirectBuffer buffer, final int position)
    {
        return buffer.getShort(position + TEMPLATE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    private static int eventLength(final DirectBuffer buffer, final int position)
    {
        return HEADER_LENGTH + (buffer.getShort(position + BLOCK_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
    }

    /**
     * Counts of a stretch of the stream: batches, the SBE events in them, the events the feed applies
     * (the rest it skips: orders accepted, balances and accounts), book changes among those, and the
     * incremental messages and bytes the feed publishes for them.
     */
    record Totals(long batches, long events, long appliedEvents, long bookChanges, long incrementals, long incrementalBytes)
    {
        Totals minus(final Totals before)
        {
            return new Totals(batches - before.batches, events - before.events, appliedEvents - before.appliedEvents,
                bookChanges - before.bookChanges, incrementals - before.incrementals, incrementalBytes - before.incrementalBytes);
        }
    }

    /** The engine's event sink while capturing: keeps each batch and derives its market data. */
    private static final class Capture
    {
        private final ExpandableArrayBuffer events = new ExpandableArrayBuffer(1 << 20);
        private final int[] offsets;
        private final int[] lengths;
        private final long[] bookSequences;
        private final MarketState market;
        private final List<Throwable> errors = new ArrayList<>();
        private int count;
        private int position;
        private long eventCount;
        private long bookChanges;
        private long incrementals;
        private long incrementalBytes;

        Capture(final int batches, final int maxMessageLength, final int checksumDepth)
        {
            offsets = new int[batches];
            lengths = new int[batches];
            bookSequences = new long[batches];
            market = new MarketState(new Outbox(), maxMessageLength, checksumDepth, errors::add);
        }

        void onEvents(final DirectBuffer buffer, final int offset, final int length)
        {
            if ((long)position + length > Integer.MAX_VALUE - 64)
            {
                throw new IllegalStateException("the engine's events outgrow one buffer: capture fewer commands");
            }
            events.putBytes(position, buffer, offset, length);
            offsets[count] = position;
            lengths[count] = length;
            position += length;
            for (int event = offset; event < offset + length; event += eventLength(buffer, event))
            {
                eventCount++;
                if (templateId(buffer, event) == BookChangedDecoder.TEMPLATE_ID)
                {
                    bookChanges++;
                }
            }
            market.onEvents(buffer, offset, length);
            bookSequences[count++] = drainOutbox();
        }

        /** Takes every message the batch caused out of the outbox; returns the sequence of its last book update. */
        private long drainOutbox()
        {
            long bookSequence = NO_BOOK_UPDATE;
            final Outbox outbox = market.outbox();
            while (!outbox.isEmpty())
            {
                final int offset = outbox.headOffset();
                if (templateId(outbox.buffer(), offset) == BookUpdateDecoder.TEMPLATE_ID)
                {
                    bookSequence = outbox.buffer().getLong(offset + INSTRUMENT_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
                }
                incrementals++;
                incrementalBytes += outbox.headLength();
                outbox.removeHead();
            }
            return bookSequence;
        }

        Totals totals()
        {
            return new Totals(count, eventCount, market.eventsApplied(), bookChanges, incrementals, incrementalBytes);
        }
    }
}
