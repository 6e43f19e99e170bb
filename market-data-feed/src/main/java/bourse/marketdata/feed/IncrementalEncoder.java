package bourse.marketdata.feed;

import bourse.marketdata.Candle;
import bourse.marketdata.PriceLevels;
import bourse.sbe.BookChecksumEncoder;
import bourse.sbe.CandleInterval;
import bourse.sbe.BookUpdateEncoder;
import bourse.sbe.CandleUpdateEncoder;
import bourse.sbe.InstrumentDefinitionEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.Side;
import bourse.sbe.StatusUpdateEncoder;
import bourse.sbe.TickerEncoder;
import bourse.sbe.TradeUpdateEncoder;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Encodes the incremental stream's messages into the {@link Outbox}, numbering each with the next
 * channel sequence and, except checksums, the instrument's next instrument sequence. A book update or
 * a batch of trades too long for one message is split over several, each numbered.
 */
final class IncrementalEncoder
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int GROUP_HEADER = 4;
    private static final int MAX_GROUP_COUNT = 0xFFFF;
    private static final int CHANNEL_SEQUENCE_OFFSET = BookUpdateEncoder.channelSequenceEncodingOffset();
    private static final int INSTRUMENT_SEQUENCE_OFFSET = BookUpdateEncoder.instrumentSequenceEncodingOffset();
    private static final int ENGINE_SEQUENCE_OFFSET = BookUpdateEncoder.engineSequenceEncodingOffset();
    private static final int TIMESTAMP_OFFSET = BookUpdateEncoder.timestampNsEncodingOffset();
    private static final int INSTRUMENT_ID_OFFSET = BookUpdateEncoder.instrumentIdEncodingOffset();

    private final Outbox outbox;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final BookUpdateEncoder bookUpdate = new BookUpdateEncoder();
    private final TradeUpdateEncoder tradeUpdate = new TradeUpdateEncoder();
    private final TickerEncoder tickerEncoder = new TickerEncoder();
    private final CandleUpdateEncoder candleUpdate = new CandleUpdateEncoder();
    private final StatusUpdateEncoder statusUpdate = new StatusUpdateEncoder();
    private final BookChecksumEncoder bookChecksum = new BookChecksumEncoder();
    private final int maxLevelsPerMessage;
    private final int maxTradesPerMessage;
    private long channelSequence;

    IncrementalEncoder(final Outbox outbox, final int maxMessageLength)
    {
        this.outbox = outbox;
        maxLevelsPerMessage = Math.min(MAX_GROUP_COUNT, (maxMessageLength - HEADER - BookUpdateEncoder.BLOCK_LENGTH -
            GROUP_HEADER) / BookUpdateEncoder.LevelsEncoder.sbeBlockLength());
        maxTradesPerMessage = Math.min(MAX_GROUP_COUNT, (maxMessageLength - HEADER - TradeUpdateEncoder.BLOCK_LENGTH -
            GROUP_HEADER) / TradeUpdateEncoder.TradesEncoder.sbeBlockLength());
        if (maxLevelsPerMessage < 1 || maxTradesPerMessage < 1)
        {
            throw new IllegalArgumentException("messages of " + maxMessageLength + " bytes are too short for market data");
        }
    }

    /** The channel sequence of the last message encoded. */
    long lastChannelSequence()
    {
        return channelSequence;
    }

    void definition(final InstrumentState instrument)
    {
        final int offset = outbox.claim(HEADER + InstrumentDefinitionEncoder.BLOCK_LENGTH);
        definition.wrapAndApplyHeader(outbox.buffer(), offset, header)
            .status(instrument.status());
        writePrefix(offset, instrument.nextInstrumentSequence(), instrument, instrument.timestampNs());
        Composites.encode(definition.spec(), instrument.spec());
        outbox.commit(HEADER + definition.encodedLength());
    }

    void status(final InstrumentState instrument)
    {
        final int offset = outbox.claim(HEADER + StatusUpdateEncoder.BLOCK_LENGTH);
        statusUpdate.wrapAndApplyHeader(outbox.buffer(), offset, header)
            .status(instrument.status());
        writePrefix(offset, instrument.nextInstrumentSequence(), instrument, instrument.timestampNs());
        outbox.commit(HEADER + statusUpdate.encodedLength());
    }

    /** The levels the current batch changed, each with its state now. */
    void bookUpdate(final InstrumentState instrument)
    {
        final OrderBook book = instrument.book();
        final int changed = book.changedCount();
        for (int first = 0; first < changed; first += maxLevelsPerMessage)
        {
            final int count = Math.min(maxLevelsPerMessage, changed - first);
            final int offset = outbox.claim(HEADER + BookUpdateEncoder.BLOCK_LENGTH + GROUP_HEADER +
                count * BookUpdateEncoder.LevelsEncoder.sbeBlockLength());
            final BookUpdateEncoder.LevelsEncoder levels = bookUpdate.wrapAndApplyHeader(outbox.buffer(), offset, header)
                .levelsCount(count);
            writePrefix(offset, instrument.nextInstrumentSequence(), instrument, instrument.timestampNs());
            for (int i = first; i < first + count; i++)
            {
                final boolean bid = book.changedIsBid(i);
                final long price = book.changedPrice(i);
                final PriceLevels side = book.side(bid);
                levels.next()
                    .side(bid ? Side.BUY : Side.SELL)
                    .price(price)
                    .quantity(side.quantityAt(price))
                    .orderCount(side.orderCountAt(price));
            }
            outbox.commit(HEADER + bookUpdate.encodedLength());
        }
    }

    /** The trades of the current batch. */
    void trades(final InstrumentState instrument)
    {
        final int trades = instrument.batchTradeCount();
        for (int first = 0; first < trades; first += maxTradesPerMessage)
        {
            final int count = Math.min(maxTradesPerMessage, trades - first);
            final int offset = outbox.claim(HEADER + TradeUpdateEncoder.BLOCK_LENGTH + GROUP_HEADER +
                count * TradeUpdateEncoder.TradesEncoder.sbeBlockLength());
            final TradeUpdateEncoder.TradesEncoder group = tradeUpdate.wrapAndApplyHeader(outbox.buffer(), offset, header)
                .tradesCount(count);
            writePrefix(offset, instrument.nextInstrumentSequence(), instrument, instrument.timestampNs());
            for (int i = first; i < first + count; i++)
            {
                group.next()
                    .tradeId(instrument.batchTradeId(i))
                    .price(instrument.batchTradePrice(i))
                    .quantity(instrument.batchTradeQuantity(i))
                    .aggressorSide(instrument.batchTradeSide(i));
            }
            outbox.commit(HEADER + tradeUpdate.encodedLength());
        }
    }

    /** The ticker; {@code timestampNs} is the engine time of the trades, or the feed's time when the window rolled. */
    void ticker(final InstrumentState instrument, final long timestampNs)
    {
        final int offset = outbox.claim(HEADER + TickerEncoder.BLOCK_LENGTH);
        tickerEncoder.wrapAndApplyHeader(outbox.buffer(), offset, header);
        writePrefix(offset, instrument.nextInstrumentSequence(), instrument, timestampNs);
        Composites.encode(tickerEncoder.stats(), instrument.ticker());
        outbox.commit(HEADER + tickerEncoder.encodedLength());
    }

    /** The current candle of every interval. */
    void candles(final InstrumentState instrument)
    {
        final int offset = outbox.claim(HEADER + CandleUpdateEncoder.BLOCK_LENGTH + GROUP_HEADER +
            Candle.INTERVALS.length * CandleUpdateEncoder.CandlesEncoder.sbeBlockLength());
        final CandleUpdateEncoder.CandlesEncoder group = candleUpdate.wrapAndApplyHeader(outbox.buffer(), offset, header)
            .candlesCount(Candle.INTERVALS.length);
        writePrefix(offset, instrument.nextInstrumentSequence(), instrument, instrument.timestampNs());
        for (final CandleInterval interval : Candle.INTERVALS)
        {
            final Candle candle = instrument.candle(interval);
            Composites.encode(group.next().interval(interval).openTimeNs(candle.openTimeNs()).ohlcv(), candle.ohlcv());
        }
        outbox.commit(HEADER + candleUpdate.encodedLength());
    }

    /** The book's checksum as of the instrument's current sequence, which it repeats. */
    void checksum(final InstrumentState instrument, final long checksum, final int depth)
    {
        final int offset = outbox.claim(HEADER + BookChecksumEncoder.BLOCK_LENGTH);
        bookChecksum.wrapAndApplyHeader(outbox.buffer(), offset, header)
            .checksum(checksum)
            .depth(depth);
        writePrefix(offset, instrument.instrumentSequence(), instrument, instrument.timestampNs());
        outbox.commit(HEADER + bookChecksum.encodedLength());
    }

    /**
     * Writes the fields every incremental message starts with, at the same offsets in each (the schema
     * says so; a test checks it): the next channel sequence, then the instrument sequence given.
     */
    private void writePrefix(
        final int offset, final long instrumentSequence, final InstrumentState instrument, final long timestampNs)
    {
        final MutableDirectBuffer buffer = outbox.buffer();
        final int body = offset + HEADER;
        buffer.putLong(body + CHANNEL_SEQUENCE_OFFSET, ++channelSequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(body + INSTRUMENT_SEQUENCE_OFFSET, instrumentSequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(body + ENGINE_SEQUENCE_OFFSET, instrument.engineSequence(), ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(body + TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(body + INSTRUMENT_ID_OFFSET, instrument.instrumentId(), ByteOrder.LITTLE_ENDIAN);
    }
}
