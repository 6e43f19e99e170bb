package bourse.marketdata.client;

import bourse.marketdata.BookChecksum;
import bourse.marketdata.Candle;
import bourse.marketdata.InstrumentSpec;
import bourse.marketdata.Ohlcv;
import bourse.marketdata.PriceLevels;
import bourse.marketdata.Ticker;
import bourse.sbe.BookChecksumDecoder;
import bourse.sbe.BookUpdateDecoder;
import bourse.sbe.CandleInterval;
import bourse.sbe.CandleUpdateDecoder;
import bourse.sbe.InstrumentDefinitionDecoder;
import bourse.sbe.InstrumentSnapshotDecoder;
import bourse.sbe.InstrumentSpecDecoder;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.OhlcvDecoder;
import bourse.sbe.Side;
import bourse.sbe.StatusUpdateDecoder;
import bourse.sbe.TickerDecoder;
import bourse.sbe.TickerStatsDecoder;
import bourse.sbe.TradeUpdateDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.collections.Int2ObjectHashMap;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The client's books, rebuilt from the feed's messages, with gap detection and recovery
 * (docs/market-data.md, "Recovery"). Messages come in one at a time from either stream; listeners are
 * called by {@link #dispatch()} (conflated) and, for trades, on receipt. Knows nothing of Aeron.
 *
 * <p>Per instrument: a current book applies each message whose instrument sequence is the next one,
 * ignores older ones, and on a jump (or a checksum that disagrees, or announces a later sequence) stops
 * being current. A book that is not current queues the instrument's messages and waits for a snapshot
 * it can continue from: one at least as recent as the message before the queue's first (or, with an
 * empty queue, as the last sequence known to exist); it applies the snapshot, then the queued messages
 * after it, and is current again. A new instrument's definition counts as its snapshot at sequence 1.
 */
final class LocalMarket
{
    private static final int DIRTY_DEFINED = 1;
    private static final int DIRTY_BOOK = 2;
    private static final int DIRTY_TICKER = 4;
    private static final int DIRTY_STATUS = 8;
    private static final int DIRTY_GAP = 16;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;
    /** Every incremental message starts with the same fields, at BookUpdate's offsets. */
    private static final int COMMON_BLOCK_LENGTH = BookUpdateDecoder.BLOCK_LENGTH;
    private static final int CHANNEL_SEQUENCE_OFFSET = BookUpdateDecoder.channelSequenceEncodingOffset();
    private static final int INSTRUMENT_SEQUENCE_OFFSET = BookUpdateDecoder.instrumentSequenceEncodingOffset();
    private static final int INSTRUMENT_ID_OFFSET = BookUpdateDecoder.instrumentIdEncodingOffset();

    private final MarketDataListener listener;
    private final ErrorHandler errorHandler;
    private final int maxQueuedBytes;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final BookUpdateDecoder bookUpdate = new BookUpdateDecoder();
    private final TradeUpdateDecoder tradeUpdate = new TradeUpdateDecoder();
    private final TickerDecoder tickerDecoder = new TickerDecoder();
    private final CandleUpdateDecoder candleUpdate = new CandleUpdateDecoder();
    private final StatusUpdateDecoder statusUpdate = new StatusUpdateDecoder();
    private final BookChecksumDecoder bookChecksum = new BookChecksumDecoder();
    private final InstrumentSnapshotDecoder snapshot = new InstrumentSnapshotDecoder();
    private final BookChecksum checksum = new BookChecksum();
    private final Int2ObjectHashMap<InstrumentBook> books = new Int2ObjectHashMap<>();
    private InstrumentBook[] bookList = new InstrumentBook[8];
    private int bookCount;
    private InstrumentBook[] dirtyBooks = new InstrumentBook[8];
    private int dirtyCount;

    private boolean incrementalStarted;
    private int incrementalSessionId;
    private long lastChannelSequence;
    private boolean snapshotStarted;
    private int snapshotSessionId;
    private long lastSnapshotSequence;
    private int advertisedInstrumentCount;

    private long incrementalsReceived;
    private long channelGaps;
    private long missedIncrementals;
    private long snapshotsReceived;
    private long missedSnapshots;
    private long instrumentGaps;
    private long snapshotsApplied;
    private long checksumsVerified;
    private long checksumMismatches;
    private long depthRefreshes;

    LocalMarket(final MarketDataListener listener, final ErrorHandler errorHandler, final int maxQueuedBytes)
    {
        this.listener = listener;
        this.errorHandler = errorHandler;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** One message of the incremental stream, from the Aeron session {@code sessionId}. */
    void onIncremental(final DirectBuffer buffer, final int offset, final int length, final int sessionId)
    {
        final int templateId = templateOf(buffer, offset, length);
        if (templateId < InstrumentDefinitionDecoder.TEMPLATE_ID || templateId > BookChecksumDecoder.TEMPLATE_ID ||
            header.blockLength() < COMMON_BLOCK_LENGTH)
        {
            return;
        }
        incrementalsReceived++;
        final int body = offset + HEADER;
        final long channelSequence = buffer.getLong(body + CHANNEL_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final long sequence = buffer.getLong(body + INSTRUMENT_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final int instrumentId = buffer.getInt(body + INSTRUMENT_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
        onChannelSequence(channelSequence, sessionId);
        final InstrumentBook book = bookFor(instrumentId);
        switch (templateId)
        {
            case TradeUpdateDecoder.TEMPLATE_ID:
                deliverTrades(book, buffer, body);
                onSequenced(book, sequence, buffer, offset, length);
                break;
            case BookChecksumDecoder.TEMPLATE_ID:
                bookChecksum.wrap(buffer, body, header.blockLength(), header.version());
                onChecksum(book, sequence, bookChecksum.checksum(), bookChecksum.depth());
                break;
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                if (!book.isSynced() && isAcceptable(book, sequence))
                {
                    resync(book, sequence, false, buffer, offset);
                }
                else
                {
                    onSequenced(book, sequence, buffer, offset, length);
                }
                break;
            default:
                onSequenced(book, sequence, buffer, offset, length);
                break;
        }
    }

    /** One message of the snapshot stream. */
    void onSnapshot(final DirectBuffer buffer, final int offset, final int length, final int sessionId)
    {
        if (templateOf(buffer, offset, length) != InstrumentSnapshotDecoder.TEMPLATE_ID)
        {
            return;
        }
        snapshotsReceived++;
        snapshot.wrap(buffer, offset + HEADER, header.blockLength(), header.version());
        final long channelSequence = snapshot.channelSequence();
        if (snapshotStarted && sessionId == snapshotSessionId && channelSequence > lastSnapshotSequence + 1)
        {
            missedSnapshots += channelSequence - lastSnapshotSequence - 1;
        }
        snapshotStarted = true;
        snapshotSessionId = sessionId;
        lastSnapshotSequence = channelSequence;
        advertisedInstrumentCount = snapshot.instrumentCount();

        final InstrumentBook book = bookFor(snapshot.instrumentId());
        final long sequence = snapshot.instrumentSequence();
        if (book.isSynced())
        {
            if (sequence == book.instrumentSequence() && canVerify(book, snapshot.checksumDepth()))
            {
                if (computeChecksum(book, snapshot.checksumDepth()) == snapshot.checksum())
                {
                    checksumsVerified++;
                }
                else
                {
                    checksumMismatches++;
                    resync(book, sequence, true, buffer, offset);
                }
            }
            return;
        }
        if (isAcceptable(book, sequence))
        {
            resync(book, sequence, true, buffer, offset);
        }
    }

    /** Calls the listeners for every instrument that changed since the last call; returns how many. */
    int dispatch()
    {
        final int count = dirtyCount;
        for (int i = 0; i < count; i++)
        {
            final InstrumentBook book = dirtyBooks[i];
            dirtyBooks[i] = null;
            final int dirty = book.dirty;
            final int dirtyCandles = book.dirtyCandles;
            book.dirty = 0;
            book.dirtyCandles = 0;
            book.listedDirty = false;
            try
            {
                notify(book, dirty, dirtyCandles);
            }
            catch (final RuntimeException ex)
            {
                errorHandler.onError(ex);
            }
        }
        dirtyCount = 0;
        return count;
    }

    /** Whether every instrument the feed announces is known and current. */
    boolean isSynced()
    {
        if (bookCount == 0 || bookCount < advertisedInstrumentCount)
        {
            return false;
        }
        for (int i = 0; i < bookCount; i++)
        {
            if (!bookList[i].isSynced())
            {
                return false;
            }
        }
        return true;
    }

    InstrumentBook book(final int instrumentId)
    {
        return books.get(instrumentId);
    }

    int bookCount()
    {
        return bookCount;
    }

    InstrumentBook bookAt(final int index)
    {
        return bookList[index];
    }

    long incrementalsReceived()
    {
        return incrementalsReceived;
    }

    long lastChannelSequence()
    {
        return lastChannelSequence;
    }

    long channelGaps()
    {
        return channelGaps;
    }

    long missedIncrementals()
    {
        return missedIncrementals;
    }

    long snapshotsReceived()
    {
        return snapshotsReceived;
    }

    long missedSnapshots()
    {
        return missedSnapshots;
    }

    long instrumentGaps()
    {
        return instrumentGaps;
    }

    long snapshotsApplied()
    {
        return snapshotsApplied;
    }

    long checksumsVerified()
    {
        return checksumsVerified;
    }

    long checksumMismatches()
    {
        return checksumMismatches;
    }

    long depthRefreshes()
    {
        return depthRefreshes;
    }

    private int templateOf(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER)
        {
            return -1;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || length - HEADER < header.blockLength())
        {
            return -1;
        }
        return header.templateId();
    }

    /** Counts gaps in the channel sequence; a new Aeron session is a new feed, whose numbering starts again. */
    private void onChannelSequence(final long channelSequence, final int sessionId)
    {
        if (incrementalStarted && sessionId != incrementalSessionId)
        {
            for (int i = 0; i < bookCount; i++)
            {
                startRecovery(bookList[i], 0);
            }
        }
        else if (incrementalStarted && channelSequence > lastChannelSequence + 1)
        {
            channelGaps++;
            missedIncrementals += channelSequence - lastChannelSequence - 1;
        }
        incrementalStarted = true;
        incrementalSessionId = sessionId;
        lastChannelSequence = channelSequence;
    }

    private void onSequenced(
        final InstrumentBook book, final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        if (book.isSynced())
        {
            if (sequence <= book.instrumentSequence())
            {
                return;
            }
            if (sequence == book.instrumentSequence() + 1)
            {
                apply(book, buffer, offset);
                refreshIfTooShallow(book);
                return;
            }
            instrumentGaps++;
            startRecovery(book, sequence - 1);
        }
        book.lastKnownSequence = Math.max(book.lastKnownSequence, sequence);
        queue(book).add(sequence, buffer, offset, length);
    }

    private void onChecksum(final InstrumentBook book, final long sequence, final long expected, final int depth)
    {
        book.checksumDepth = depth;
        if (book.isSynced())
        {
            if (sequence > book.instrumentSequence())
            {
                instrumentGaps++;
                startRecovery(book, sequence);
            }
            else if (sequence == book.instrumentSequence() && canVerify(book, depth))
            {
                if (computeChecksum(book, depth) == expected)
                {
                    checksumsVerified++;
                }
                else
                {
                    checksumMismatches++;
                    startRecovery(book, sequence);
                }
            }
            return;
        }
        // Messages up to the checksum's sequence were sent before it: if they are not here, they are lost.
        if (book.queue != null && !book.queue.isEmpty() && book.queue.lastSequence() < sequence)
        {
            book.queue.clear();
        }
        book.lastKnownSequence = Math.max(book.lastKnownSequence, sequence);
    }

    /** Whether a book that is not current can continue from a snapshot at {@code sequence}. */
    private static boolean isAcceptable(final InstrumentBook book, final long sequence)
    {
        final RecoveryQueue queue = book.queue;
        return queue != null && !queue.isEmpty() ?
            sequence >= queue.firstSequence() - 1 : sequence >= book.lastKnownSequence;
    }

    /**
     * Replaces the book with the snapshot just decoded (or the definition at {@code offset}), then applies
     * the queued messages after it: the book is current again.
     */
    private void resync(
        final InstrumentBook book,
        final long sequence,
        final boolean fromSnapshot,
        final DirectBuffer buffer,
        final int offset)
    {
        final boolean wasDefined = book.isDefined();
        if (fromSnapshot)
        {
            applySnapshot(book);
        }
        else
        {
            applyDefinition(book, buffer, offset + HEADER);
        }
        book.instrumentSequence(sequence);
        book.lastKnownSequence = sequence;
        book.synced(true);
        snapshotsApplied++;
        markDirty(book, DIRTY_BOOK | DIRTY_TICKER | DIRTY_STATUS | (wasDefined ? 0 : DIRTY_DEFINED));
        book.dirtyCandles = (1 << Candle.INTERVALS.length) - 1;
        final RecoveryQueue queue = book.queue;
        if (queue != null)
        {
            for (int position = queue.start(); queue.hasMessageAt(position); position = queue.next(position))
            {
                final int messageOffset = queue.messageOffset(position);
                if (instrumentSequenceOf(queue.buffer(), messageOffset) > sequence)
                {
                    apply(book, queue.buffer(), messageOffset);
                }
            }
            queue.clear();
        }
        refreshIfTooShallow(book);
    }

    private void applySnapshot(final InstrumentBook book)
    {
        final InstrumentSnapshotDecoder message = snapshot;
        if (!book.isDefined())
        {
            decode(message.spec(), book.spec());
            book.defined();
        }
        book.status(message.status());
        book.checksumDepth = message.checksumDepth();
        decode(message.stats(), book.ticker());
        final int bidLevelCount = message.bidLevelCount();
        final int askLevelCount = message.askLevelCount();
        final PriceLevels bids = book.bidLevels();
        final PriceLevels asks = book.askLevels();
        bids.clear();
        asks.clear();
        book.bidsClipped = false;
        book.asksClipped = false;
        final InstrumentSnapshotDecoder.LevelsDecoder levels = message.levels();
        while (levels.hasNext())
        {
            levels.next();
            (levels.side() == Side.BUY ? bids : asks).set(levels.price(), levels.quantity(), levels.orderCount());
        }
        if (bids.size() < bidLevelCount)
        {
            book.bidsClipped = true;
            book.bidsHorizon = bids.price(bids.size() - 1);
        }
        if (asks.size() < askLevelCount)
        {
            book.asksClipped = true;
            book.asksHorizon = asks.price(asks.size() - 1);
        }
        final InstrumentSnapshotDecoder.CandlesDecoder candles = message.candles();
        while (candles.hasNext())
        {
            candles.next();
            final CandleInterval interval = candles.interval();
            if (interval != CandleInterval.NULL_VAL)
            {
                decode(candles.openTimeNs(), candles.ohlcv(), book.candle(interval));
            }
        }
    }

    private void applyDefinition(final InstrumentBook book, final DirectBuffer buffer, final int body)
    {
        definition.wrap(buffer, body, header.blockLength(), header.version());
        decode(definition.spec(), book.spec());
        book.defined();
        book.status(definition.status());
        book.clearAll();
    }

    /** Applies the message at {@code offset}, the next one of a current book. */
    private void apply(final InstrumentBook book, final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int body = offset + HEADER;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case BookUpdateDecoder.TEMPLATE_ID:
                bookUpdate.wrap(buffer, body, blockLength, version);
                final BookUpdateDecoder.LevelsDecoder levels = bookUpdate.levels();
                while (levels.hasNext())
                {
                    levels.next();
                    applyLevel(book, levels.side(), levels.price(), levels.quantity(), levels.orderCount());
                }
                markDirty(book, DIRTY_BOOK);
                break;
            case TickerDecoder.TEMPLATE_ID:
                decode(tickerDecoder.wrap(buffer, body, blockLength, version).stats(), book.ticker());
                markDirty(book, DIRTY_TICKER);
                break;
            case CandleUpdateDecoder.TEMPLATE_ID:
                candleUpdate.wrap(buffer, body, blockLength, version);
                final CandleUpdateDecoder.CandlesDecoder candles = candleUpdate.candles();
                while (candles.hasNext())
                {
                    candles.next();
                    final CandleInterval interval = candles.interval();
                    if (interval != CandleInterval.NULL_VAL)
                    {
                        decode(candles.openTimeNs(), candles.ohlcv(), book.candle(interval));
                        book.dirtyCandles |= 1 << Candle.index(interval);
                    }
                }
                markDirty(book, 0);
                break;
            case StatusUpdateDecoder.TEMPLATE_ID:
                final InstrumentStatus status = statusUpdate.wrap(buffer, body, blockLength, version).status();
                book.status(status);
                markDirty(book, DIRTY_STATUS);
                break;
            default:
                // Trades were delivered on receipt; a definition of a current book changes nothing.
                break;
        }
        book.instrumentSequence(instrumentSequenceOf(buffer, offset));
    }

    private static void applyLevel(
        final InstrumentBook book, final Side side, final long price, final long quantity, final int orderCount)
    {
        final boolean bid = side == Side.BUY;
        final PriceLevels levels = bid ? book.bidLevels() : book.askLevels();
        // A side known only to a snapshot's depth ignores levels beyond it: the book stays exact down to there.
        if (bid ? book.bidsClipped && levels.isBetter(book.bidsHorizon, price) :
            book.asksClipped && levels.isBetter(book.asksHorizon, price))
        {
            return;
        }
        levels.set(price, quantity, orderCount);
    }

    /** A side known only to a snapshot's depth that has thinned below the checksum depth waits for a new snapshot. */
    private void refreshIfTooShallow(final InstrumentBook book)
    {
        if (book.isSynced() && !canVerify(book, book.checksumDepth))
        {
            depthRefreshes++;
            startRecovery(book, book.instrumentSequence());
        }
    }

    private void deliverTrades(final InstrumentBook book, final DirectBuffer buffer, final int body)
    {
        if (!book.isDefined())
        {
            return;
        }
        tradeUpdate.wrap(buffer, body, header.blockLength(), header.version());
        final long timestampNs = tradeUpdate.timestampNs();
        final TradeUpdateDecoder.TradesDecoder trades = tradeUpdate.trades();
        while (trades.hasNext())
        {
            trades.next();
            try
            {
                listener.onTrade(book, trades.tradeId(), trades.price(), trades.quantity(), trades.aggressorSide(), timestampNs);
            }
            catch (final RuntimeException ex)
            {
                errorHandler.onError(ex);
            }
        }
    }

    private void startRecovery(final InstrumentBook book, final long lastKnownSequence)
    {
        if (book.isSynced())
        {
            markDirty(book, DIRTY_GAP);
        }
        book.synced(false);
        book.lastKnownSequence = lastKnownSequence;
        if (book.queue != null)
        {
            book.queue.clear();
        }
    }

    private static boolean canVerify(final InstrumentBook book, final int depth)
    {
        return (!book.bidsClipped || book.bidLevels().size() >= depth) &&
            (!book.asksClipped || book.askLevels().size() >= depth);
    }

    private long computeChecksum(final InstrumentBook book, final int depth)
    {
        return checksum.compute(book.bids(), book.asks(), depth);
    }

    private RecoveryQueue queue(final InstrumentBook book)
    {
        if (book.queue == null)
        {
            book.queue = new RecoveryQueue(maxQueuedBytes);
        }
        return book.queue;
    }

    private InstrumentBook bookFor(final int instrumentId)
    {
        InstrumentBook book = books.get(instrumentId);
        if (book == null)
        {
            book = new InstrumentBook(instrumentId);
            books.put(instrumentId, book);
            if (bookCount == bookList.length)
            {
                bookList = Arrays.copyOf(bookList, bookCount * 2);
            }
            bookList[bookCount++] = book;
        }
        return book;
    }

    private void markDirty(final InstrumentBook book, final int flags)
    {
        if (!book.listedDirty)
        {
            book.listedDirty = true;
            if (dirtyCount == dirtyBooks.length)
            {
                dirtyBooks = Arrays.copyOf(dirtyBooks, dirtyCount * 2);
            }
            dirtyBooks[dirtyCount++] = book;
        }
        book.dirty |= flags;
    }

    private void notify(final InstrumentBook book, final int dirty, final int dirtyCandles)
    {
        if ((dirty & DIRTY_DEFINED) != 0)
        {
            listener.onInstrument(book);
        }
        if ((dirty & DIRTY_GAP) != 0 && !book.isSynced())
        {
            listener.onGap(book);
        }
        if ((dirty & DIRTY_STATUS) != 0)
        {
            listener.onStatus(book);
        }
        if (!book.isSynced())
        {
            return;
        }
        if ((dirty & DIRTY_BOOK) != 0)
        {
            listener.onBook(book);
        }
        if ((dirty & DIRTY_TICKER) != 0)
        {
            listener.onTicker(book, book.ticker());
        }
        for (final CandleInterval interval : Candle.INTERVALS)
        {
            final Candle candle = book.candle(interval);
            if ((dirtyCandles & (1 << Candle.index(interval))) != 0 && candle.exists())
            {
                listener.onCandle(book, candle);
            }
        }
    }

    private static void decode(final InstrumentSpecDecoder decoder, final InstrumentSpec spec)
    {
        spec.set(decoder.symbol().trim(), decoder.baseAssetId(), decoder.quoteAssetId(), decoder.priceScale(),
            decoder.baseScale(), decoder.quoteScale(), decoder.tickSize(), decoder.lotSize());
    }

    private static void decode(final TickerStatsDecoder decoder, final Ticker ticker)
    {
        ticker.lastTrade(decoder.lastTradeId(), decoder.lastPrice(), decoder.lastQuantity(), decoder.lastTradeTimestampNs())
            .windowStartNs(decoder.windowStartNs());
        decode(decoder.window(), ticker.window());
    }

    private static void decode(final long openTimeNs, final OhlcvDecoder decoder, final Candle candle)
    {
        candle.openTimeNs(openTimeNs);
        decode(decoder, candle.ohlcv());
    }

    private static void decode(final OhlcvDecoder decoder, final Ohlcv ohlcv)
    {
        ohlcv.set(decoder.openPrice(), decoder.highPrice(), decoder.lowPrice(), decoder.closePrice(),
            decoder.baseVolume(), decoder.quoteVolume(), decoder.tradeCount());
    }

    private static long instrumentSequenceOf(final DirectBuffer buffer, final int messageOffset)
    {
        return buffer.getLong(messageOffset + HEADER + INSTRUMENT_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }
}
