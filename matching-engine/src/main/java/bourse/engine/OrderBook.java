package bourse.engine;

/**
 * One instrument: its specification, trading status, last price, both sides of the book, pending
 * stops, and its open orders in order id order.
 */
final class OrderBook
{
    final int instrumentId;
    final byte[] symbol;
    final int baseAssetId;
    final int quoteAssetId;
    final int priceScale;
    final long tickSize;
    final long lotSize;
    final long minQuantity;
    final long maxQuantity;
    final int priceBandBps;
    final int makerFeePpm;
    final int takerFeePpm;
    final int holdFeePpm;
    final long referencePrice;
    final long quotePerTickLot;
    final ExactDivisor ticks;
    final ExactDivisor lots;

    boolean halted;
    /** The band's reference: the last trade price, or the reference price before the first trade. */
    private long lastPrice;
    /** Recomputed only when the last price moves: every order and amend checks the band. */
    private long bandLow;
    private long bandHigh;

    final BookSide bids;
    final BookSide asks;
    /** Buy stops trigger lowest stop price first. */
    final BookSide buyStops;
    /** Sell stops trigger highest stop price first. */
    final BookSide sellStops;

    Order openHead;
    Order openTail;

    OrderBook(
        final int instrumentId,
        final byte[] symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final int priceScale,
        final long tickSize,
        final long lotSize,
        final long minQuantity,
        final long maxQuantity,
        final int priceBandBps,
        final int makerFeePpm,
        final int takerFeePpm,
        final long referencePrice,
        final long quotePerTickLot,
        final LevelPool levelPool)
    {
        this.instrumentId = instrumentId;
        this.symbol = symbol;
        this.baseAssetId = baseAssetId;
        this.quoteAssetId = quoteAssetId;
        this.priceScale = priceScale;
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.minQuantity = minQuantity;
        this.maxQuantity = maxQuantity;
        this.priceBandBps = priceBandBps;
        this.makerFeePpm = makerFeePpm;
        this.takerFeePpm = takerFeePpm;
        this.holdFeePpm = Math.max(makerFeePpm, takerFeePpm);
        this.referencePrice = referencePrice;
        this.quotePerTickLot = quotePerTickLot;
        this.ticks = new ExactDivisor(tickSize);
        this.lots = new ExactDivisor(lotSize);
        lastPrice(referencePrice);
        this.bids = new BookSide(true, levelPool);
        this.asks = new BookSide(false, levelPool);
        this.buyStops = new BookSide(false, levelPool);
        this.sellStops = new BookSide(true, levelPool);
    }

    BookSide side(final byte side)
    {
        return side == Codes.BUY ? bids : asks;
    }

    BookSide opposite(final byte side)
    {
        return side == Codes.BUY ? asks : bids;
    }

    long lastPrice()
    {
        return lastPrice;
    }

    void lastPrice(final long price)
    {
        lastPrice = price;
        final long width = (price / 10_000) * priceBandBps + ((price % 10_000) * priceBandBps) / 10_000;
        bandLow = price - width;
        // Capped at Long.MAX_VALUE: near the top of the range, ref + width would wrap to a negative price.
        bandHigh = price > Long.MAX_VALUE - width ? Long.MAX_VALUE : price + width;
    }

    long bandLow()
    {
        return bandLow;
    }

    long bandHigh()
    {
        return bandHigh;
    }

    /** Quote notional of qty at price, or Money.TOO_LARGE. Both must be on tick and lot (and not negative). */
    long notional(final long price, final long quantity)
    {
        return Money.notional(ticks.quotient(price), lots.quotient(quantity), quotePerTickLot);
    }

    /** What a buy of qty at price holds: notional plus the most fee it can pay; or TOO_LARGE. */
    long buyHold(final long price, final long quantity)
    {
        final long notional = notional(price, quantity);
        if (notional == Money.TOO_LARGE)
        {
            return Money.TOO_LARGE;
        }
        final long hold = notional + Money.feeCeiling(notional, holdFeePpm);
        return hold > Money.MAX_NOTIONAL ? Money.TOO_LARGE : hold;
    }

    void addOpenOrder(final Order order)
    {
        order.bookNext = null;
        order.bookPrev = openTail;
        if (openTail == null)
        {
            openHead = order;
        }
        else
        {
            openTail.bookNext = order;
        }
        openTail = order;
    }

    void removeOpenOrder(final Order order)
    {
        final Order prev = order.bookPrev;
        final Order next = order.bookNext;
        if (prev == null)
        {
            openHead = next;
        }
        else
        {
            prev.bookNext = next;
        }
        if (next == null)
        {
            openTail = prev;
        }
        else
        {
            next.bookPrev = prev;
        }
        order.bookPrev = null;
        order.bookNext = null;
    }
}
