package bourse.gateway;

/**
 * An instrument as the gateway learned it from the engine's events, with the scales of its assets, which
 * turn its integers into decimals. Immutable: a halt or resume replaces it in the {@link InstrumentCatalog}.
 */
record InstrumentInfo(
    int instrumentId,
    String symbol,
    String baseAsset,
    int baseScale,
    String quoteAsset,
    int quoteScale,
    int priceScale,
    long tickSize,
    long lotSize,
    long minQuantity,
    long maxQuantity,
    int priceBandBps,
    int makerFeePpm,
    int takerFeePpm,
    boolean halted)
{
    InstrumentInfo withHalted(final boolean halted)
    {
        return new InstrumentInfo(instrumentId, symbol, baseAsset, baseScale, quoteAsset, quoteScale, priceScale,
            tickSize, lotSize, minQuantity, maxQuantity, priceBandBps, makerFeePpm, takerFeePpm, halted);
    }

    String price(final long units)
    {
        return Decimals.format(units, priceScale);
    }

    String quantity(final long units)
    {
        return Decimals.format(units, baseScale);
    }

    String quoteAmount(final long units)
    {
        return Decimals.format(units, quoteScale);
    }
}
