package bourse.platform.demo;

/**
 * The reference data of one instrument as the engine's AddInstrument command takes it (prices in
 * price units, quantities in base minor units, fees in parts per million), plus {@code demoStepTicks}:
 * the price step the simulated traders move in, so that a 0.01 tick on a 3,000 dollar coin does not
 * make the demo book a wall of one-cent levels.
 */
record InstrumentSpec(
    int instrumentId,
    String symbol,
    int baseAssetId,
    int quoteAssetId,
    int priceScale,
    long tickSize,
    long lotSize,
    long minQuantity,
    long maxQuantity,
    int priceBandBps,
    int makerFeePpm,
    int takerFeePpm,
    long referencePrice,
    int demoStepTicks)
{
    /** The simulated traders' price step, in price units. */
    long step()
    {
        return demoStepTicks * tickSize;
    }
}
