package bourse.marketdata.feed;

import bourse.marketdata.BookLevels;
import bourse.marketdata.Candle;
import bourse.marketdata.Instrument;
import bourse.marketdata.Volumes;
import bourse.sbe.CandleInterval;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.Side;

import java.util.Arrays;

/**
 * Everything the feed knows of one instrument, derived from engine events only: besides its public
 * market data ({@link Instrument}: definition, L2 and L1, last trade, 24-hour statistics, candles,
 * status), the order-level book (L3) the levels aggregate, the rolling window's buckets, and what the
 * current batch of events changed. Its instrument sequence is that of the last message published for
 * it. Read it on the feed's thread (or, in tests, between events).
 */
public final class InstrumentState extends Instrument
{
    /** Receives the orders of a book, best price first and oldest first within a price. */
    @FunctionalInterface
    public interface OrderVisitor
    {
        void onOrder(long orderId, Side side, long price, long visibleQuantity);
    }

    private static final int INITIAL_TRADES = 16;

    private final long quotePerTickLot;
    private final OrderBook book = new OrderBook(levels(true), levels(false));
    private final RollingStats stats = new RollingStats();
    private long engineSequence;
    private long timestampNs;

    private long[] batchTradeIds = new long[INITIAL_TRADES];
    private long[] batchTradePrices = new long[INITIAL_TRADES];
    private long[] batchTradeQuantities = new long[INITIAL_TRADES];
    private Side[] batchTradeSides = new Side[INITIAL_TRADES];
    private int batchTradeCount;
    private boolean inBatch;

    /** An instrument whose spec the caller sets next. */
    InstrumentState(final int instrumentId, final long quotePerTickLot)
    {
        super(instrumentId);
        this.quotePerTickLot = quotePerTickLot;
    }

    /** Orders resting in the book (their visible parts). */
    public int orderCount()
    {
        return book.orderCount();
    }

    /** Visits every resting order: bids then asks, best price first, in time priority within a price. */
    public void forEachOrder(final OrderVisitor visitor)
    {
        visitSide(true, visitor);
        visitSide(false, visitor);
    }

    /** Sequence of the last engine command that changed this instrument. */
    public long engineSequence()
    {
        return engineSequence;
    }

    /** Engine time of the last command that changed this instrument. */
    public long timestampNs()
    {
        return timestampNs;
    }

    long nextInstrumentSequence()
    {
        final long next = instrumentSequence() + 1;
        updateInstrumentSequence(next);
        return next;
    }

    OrderBook book()
    {
        return book;
    }

    void status(final InstrumentStatus status)
    {
        updateStatus(status);
    }

    /** Records the command an event belongs to; returns true for the first event of this instrument in the batch. */
    boolean touch(final long engineSequence, final long timestampNs)
    {
        this.engineSequence = engineSequence;
        this.timestampNs = timestampNs;
        final boolean first = !inBatch;
        inBatch = true;
        return first;
    }

    void onTrade(final long tradeId, final long price, final long quantity, final Side aggressorSide, final long tradeTimeNs)
    {
        final long notional = Volumes.notional(price, quantity, spec().tickSize(), spec().lotSize(), quotePerTickLot);
        stats.onTrade(tradeTimeNs, price, quantity, notional);
        stats.writeTo(ticker());
        ticker().lastTrade(tradeId, price, quantity, tradeTimeNs);
        for (final CandleInterval interval : Candle.INTERVALS)
        {
            candle(interval).onTrade(tradeTimeNs, price, quantity, notional);
        }
        if (batchTradeCount == batchTradeIds.length)
        {
            final int capacity = batchTradeCount * 2;
            batchTradeIds = Arrays.copyOf(batchTradeIds, capacity);
            batchTradePrices = Arrays.copyOf(batchTradePrices, capacity);
            batchTradeQuantities = Arrays.copyOf(batchTradeQuantities, capacity);
            batchTradeSides = Arrays.copyOf(batchTradeSides, capacity);
        }
        batchTradeIds[batchTradeCount] = tradeId;
        batchTradePrices[batchTradeCount] = price;
        batchTradeQuantities[batchTradeCount] = quantity;
        batchTradeSides[batchTradeCount] = aggressorSide;
        batchTradeCount++;
    }

    /** Moves the 24-hour window to {@code timeNs}; true when trades left it, so that the ticker changed. */
    boolean rollStats(final long timeNs)
    {
        if (stats.advanceTo(timeNs))
        {
            stats.writeTo(ticker());
            return true;
        }
        return false;
    }

    int batchTradeCount()
    {
        return batchTradeCount;
    }

    long batchTradeId(final int index)
    {
        return batchTradeIds[index];
    }

    long batchTradePrice(final int index)
    {
        return batchTradePrices[index];
    }

    long batchTradeQuantity(final int index)
    {
        return batchTradeQuantities[index];
    }

    Side batchTradeSide(final int index)
    {
        return batchTradeSides[index];
    }

    /** Forgets what the batch changed, once it is published. */
    void endBatch()
    {
        book.clearChanges();
        batchTradeCount = 0;
        inBatch = false;
    }

    private void visitSide(final boolean bid, final OrderVisitor visitor)
    {
        final BookLevels levels = book.side(bid);
        final Side side = bid ? Side.BUY : Side.SELL;
        for (int rank = 0; rank < levels.size(); rank++)
        {
            final long price = levels.price(rank);
            for (OrderBook.RestingOrder order = book.queueHead(bid, price); order != null; order = order.next)
            {
                visitor.onOrder(order.orderId, side, price, order.visibleQuantity);
            }
        }
    }
}
