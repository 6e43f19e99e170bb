package bourse.marketdata;

/**
 * Open, high, low, close, base and quote volume and trade count of a run of trades: a candle's, or the
 * 24-hour window's. Prices are 0 while there is no trade. Volumes saturate ({@link Volumes#add}).
 */
public final class Ohlcv
{
    private long openPrice;
    private long highPrice;
    private long lowPrice;
    private long closePrice;
    private long baseVolume;
    private long quoteVolume;
    private long tradeCount;

    /** Adds a trade after those already counted. */
    public void addTrade(final long price, final long quantity, final long notional)
    {
        if (tradeCount == 0)
        {
            openPrice = price;
            highPrice = price;
            lowPrice = price;
        }
        highPrice = Math.max(highPrice, price);
        lowPrice = Math.min(lowPrice, price);
        closePrice = price;
        baseVolume = Volumes.add(baseVolume, quantity);
        quoteVolume = Volumes.add(quoteVolume, notional);
        tradeCount++;
    }

    /** Adds the trades of {@code later}, which all came after those already counted. */
    public void addAll(final Ohlcv later)
    {
        if (later.tradeCount == 0)
        {
            return;
        }
        if (tradeCount == 0)
        {
            openPrice = later.openPrice;
            highPrice = later.highPrice;
            lowPrice = later.lowPrice;
        }
        highPrice = Math.max(highPrice, later.highPrice);
        lowPrice = Math.min(lowPrice, later.lowPrice);
        closePrice = later.closePrice;
        baseVolume = Volumes.add(baseVolume, later.baseVolume);
        quoteVolume = Volumes.add(quoteVolume, later.quoteVolume);
        tradeCount += later.tradeCount;
    }

    /** Sets every value, as received. */
    public void set(
        final long openPrice,
        final long highPrice,
        final long lowPrice,
        final long closePrice,
        final long baseVolume,
        final long quoteVolume,
        final long tradeCount)
    {
        this.openPrice = openPrice;
        this.highPrice = highPrice;
        this.lowPrice = lowPrice;
        this.closePrice = closePrice;
        this.baseVolume = baseVolume;
        this.quoteVolume = quoteVolume;
        this.tradeCount = tradeCount;
    }

    public void copyFrom(final Ohlcv other)
    {
        set(other.openPrice, other.highPrice, other.lowPrice, other.closePrice, other.baseVolume, other.quoteVolume,
            other.tradeCount);
    }

    /** No trade. */
    public void reset()
    {
        set(0, 0, 0, 0, 0, 0, 0);
    }

    /** First trade's price; 0 without trades. */
    public long openPrice()
    {
        return openPrice;
    }

    public long highPrice()
    {
        return highPrice;
    }

    public long lowPrice()
    {
        return lowPrice;
    }

    /** Last trade's price; 0 without trades. */
    public long closePrice()
    {
        return closePrice;
    }

    /** Sum of traded quantities, base minor units. */
    public long baseVolume()
    {
        return baseVolume;
    }

    /** Sum of traded notionals, quote minor units. */
    public long quoteVolume()
    {
        return quoteVolume;
    }

    public long tradeCount()
    {
        return tradeCount;
    }

    @Override
    public String toString()
    {
        return "o=" + openPrice + " h=" + highPrice + " l=" + lowPrice + " c=" + closePrice + " v=" + baseVolume +
            " q=" + quoteVolume + " n=" + tradeCount;
    }
}
