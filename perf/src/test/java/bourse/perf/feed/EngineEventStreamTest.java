package bourse.perf.feed;

import bourse.marketdata.feed.MarketState;
import bourse.marketdata.feed.Outbox;
import bourse.perf.engine.ExchangeCoreWorkload;
import bourse.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngineEventStreamTest
{
    private static final int COMMANDS = 20_000;
    private static final int MAX_MESSAGE_LENGTH = 512 * 1024;
    private static final int CHECKSUM_DEPTH = 10;
    private static ExchangeCoreWorkload workload;
    private static EngineEventStream stream;

    @BeforeAll
    static void capture()
    {
        workload = ExchangeCoreWorkload.generate(3, COMMANDS);
        stream = EngineEventStream.capture(workload, MAX_MESSAGE_LENGTH, CHECKSUM_DEPTH);
    }

    @Test
    void shouldKeepOneBatchPerCommandAndCountEveryEventInIt()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        long events = 0;
        for (int batch = stream.setupBatchCount(); batch < stream.totalBatchCount(); batch++)
        {
            final int end = stream.offset(batch) + stream.length(batch);
            int position = stream.offset(batch);
            while (position < end)
            {
                header.wrap(stream.buffer(), position);
                position += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
                events++;
            }
            assertThat(position).as("batch %d ends with an event", batch).isEqualTo(end);
        }

        assertThat(stream.totalBatchCount()).isEqualTo(workload.totalCommandCount());
        assertThat(stream.setupBatchCount()).isEqualTo(workload.setupCommandCount());
        final EngineEventStream.Totals totals = stream.benchmarkTotals();
        assertThat(totals.batches()).isEqualTo(COMMANDS);
        assertThat(totals.events()).isEqualTo(events);
        assertThat(totals.appliedEvents()).isPositive().isLessThan(totals.events());
        assertThat(totals.incrementals()).isGreaterThanOrEqualTo(COMMANDS * 99L / 100);
        assertThat(totals.incrementalBytes()).isGreaterThan(totals.incrementals() * MessageHeaderDecoder.ENCODED_LENGTH);
    }

    @Test
    void shouldNumberEachBatchByTheBookUpdateAmongItsMessages()
    {
        final List<Throwable> errors = new ArrayList<>();
        final MarketState market = new MarketState(new Outbox(), MAX_MESSAGE_LENGTH, CHECKSUM_DEPTH, errors::add);
        long sequenceBefore = 0;
        long benchmarkUpdates = 0;
        for (int batch = 0; batch < stream.totalBatchCount(); batch++)
        {
            market.onEvents(stream.buffer(), stream.offset(batch), stream.length(batch));
            final long sequenceAfter = market.instrumentCount() == 0 ? 0 : market.instrument(0).instrumentSequence();
            final long bookSequence = stream.bookSequence(batch);
            if (bookSequence != EngineEventStream.NO_BOOK_UPDATE)
            {
                assertThat(bookSequence).as("batch %d", batch).isGreaterThan(sequenceBefore).isLessThanOrEqualTo(sequenceAfter);
                benchmarkUpdates += batch >= stream.setupBatchCount() ? 1 : 0;
            }
            else if (batch >= stream.setupBatchCount())
            {
                assertThat(sequenceAfter).as("benchmark batch %d sends nothing", batch).isEqualTo(sequenceBefore);
            }
            sequenceBefore = sequenceAfter;
            while (!market.outbox().isEmpty())
            {
                market.outbox().removeHead();
            }
        }

        assertThat(errors).isEmpty();
        assertThat(benchmarkUpdates).as("every benchmark batch but an IOC finding nothing to take changes the book")
            .isGreaterThan(COMMANDS * 98L / 100);
    }

    @Test
    void shouldStampEveryEventOfABatchWithTheSameTime()
    {
        final int batch = stream.setupBatchCount() + 1;
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[stream.length(batch)]);
        copy.putBytes(0, stream.buffer(), stream.offset(batch), stream.length(batch));

        EngineEventStream.stamp(copy, 0, copy.capacity(), 1_234_567_890L);

        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        int events = 0;
        for (int position = 0; position < copy.capacity(); position += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength())
        {
            header.wrap(copy, position);
            assertThat(copy.getLong(position + MessageHeaderDecoder.ENCODED_LENGTH + Long.BYTES, ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(1_234_567_890L);
            events++;
        }
        assertThat(events).isGreaterThan(1);
    }
}
