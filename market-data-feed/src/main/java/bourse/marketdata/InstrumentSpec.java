package bourse.marketdata;

/**
 * What a market-data consumer needs to read an instrument's numbers: its symbol, its assets, and the
 * scales and sizes of its prices and quantities.
 */
public final class InstrumentSpec
{
    private String symbol = "";
    private int baseAssetId;
    private int quoteAssetId;
    private int priceScale;
    private int baseScale;
    private int quoteScale;
    private long tickSize;
    private long lotSize;

    /** Sets every value. */
    public InstrumentSpec set(
        final String symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final int priceScale,
        final int baseScale,
        final int quoteScale,
        final long tickSize,
        final long lotSize)
    {
        this.symbol = symbol;
        this.baseAssetId = baseAssetId;
        this.quoteAssetId = quoteAssetId;
        this.priceScale = priceScale;
        this.baseScale = baseScale;
        this.quoteScale = quoteScale;
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        return this;
    }

    public String symbol()
    {
        return symbol;
    }

    public int baseAssetId()
    {
        return baseAssetId;
    }

    public int quoteAssetId()
    {
        return quoteAssetId;
    }

    /** Prices are in 10^-priceScale quote per whole base unit. */
    public int priceScale()
    {
        return priceScale;
    }

    /** Quantities are in 10^-baseScale base units; -1 when the feed did not know the base asset. */
    public int baseScale()
    {
        return baseScale;
    }

    /** Quote volumes are in 10^-quoteScale quote units; -1 when the feed did not know the quote asset. */
    public int quoteScale()
    {
        return quoteScale;
    }

    /** In price units. */
    public long tickSize()
    {
        return tickSize;
    }

    /** In base minor units. */
    public long lotSize()
    {
        return lotSize;
    }

    @Override
    public String toString()
    {
        return symbol + " base=" + baseAssetId + "/" + baseScale + " quote=" + quoteAssetId + "/" + quoteScale +
            " priceScale=" + priceScale + " tick=" + tickSize + " lot=" + lotSize;
    }
}
