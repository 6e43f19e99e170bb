package bourse.marketdata;

/**
 * An instrument's last trade and rolling 24-hour statistics. The window is made of whole minutes of
 * engine time: the current minute and the 1,439 before it, starting at {@link #windowStartNs()}. The
 * feed computes it; a client holds the latest it received. Read it during a listener call; it changes
 * in place afterwards.
 */
public final class Ticker
{
    private final Ohlcv window = new Ohlcv();
    private long lastTradeId;
    private long lastPrice;
    private long lastQuantity;
    private long lastTradeTimestampNs;
    private long windowStartNs;

    /** Sets the last trade ever (not only in the window). */
    public Ticker lastTrade(final long tradeId, final long price, final long quantity, final long timestampNs)
    {
        lastTradeId = tradeId;
        lastPrice = price;
        lastQuantity = quantity;
        lastTradeTimestampNs = timestampNs;
        return this;
    }

    /** Sets the start of the window's oldest minute. */
    public Ticker windowStartNs(final long windowStartNs)
    {
        this.windowStartNs = windowStartNs;
        return this;
    }

    public void reset()
    {
        lastTrade(0, 0, 0, 0);
        windowStartNs = 0;
        window.reset();
    }

    /** Id of the last trade; 0 before the first. */
    public long lastTradeId()
    {
        return lastTradeId;
    }

    public long lastPrice()
    {
        return lastPrice;
    }

    public long lastQuantity()
    {
        return lastQuantity;
    }

    public long lastTradeTimestampNs()
    {
        return lastTradeTimestampNs;
    }

    public long windowStartNs()
    {
        return windowStartNs;
    }

    /** The trades of the 24-hour window: open, high, low, close, volumes and count. */
    public Ohlcv window()
    {
        return window;
    }

    @Override
    public String toString()
    {
        return "last=" + lastTradeId + ":" + lastPrice + "x" + lastQuantity + "@" + lastTradeTimestampNs +
            " 24h[" + windowStartNs + "] " + window;
    }
}
