package bourse.engine.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** One instrument: its specification, status, last price, resting orders and pending stops, as plain lists. */
final class Instrument
{
    final int instrumentId;
    final byte[] symbol;
    final int baseAssetId;
    final int quoteAssetId;
    final long tickSize;
    final long lotSize;
    final long minQuantity;
    final long maxQuantity;
    final int priceBandBps;
    final int makerFeePpm;
    final int takerFeePpm;
    final long quotePerTickLot;

    boolean halted;
    /** The band's ref: the last trade price, or the reference price before the first trade. */
    long lastPrice;
    /** Resting orders of both sides in no particular order: every lookup scans and sorts. */
    final List<Order> resting = new ArrayList<>();
    /** Stops waiting for their trigger, in no particular order. */
    final List<Order> pendingStops = new ArrayList<>();

    Instrument(
        final int instrumentId,
        final byte[] symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final long tickSize,
        final long lotSize,
        final long minQuantity,
        final long maxQuantity,
        final int priceBandBps,
        final int makerFeePpm,
        final int takerFeePpm,
        final long referencePrice,
        final long quotePerTickLot)
    {
        this.instrumentId = instrumentId;
        this.symbol = symbol;
        this.baseAssetId = baseAssetId;
        this.quoteAssetId = quoteAssetId;
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.minQuantity = minQuantity;
        this.maxQuantity = maxQuantity;
        this.priceBandBps = priceBandBps;
        this.makerFeePpm = makerFeePpm;
        this.takerFeePpm = takerFeePpm;
        this.quotePerTickLot = quotePerTickLot;
        this.lastPrice = referencePrice;
    }

    BigInteger bandLow()
    {
        return BigInteger.valueOf(lastPrice).subtract(Amounts.bandWidth(lastPrice, priceBandBps));
    }

    /** Never past the largest price there is. */
    BigInteger bandHigh()
    {
        return BigInteger.valueOf(lastPrice).add(Amounts.bandWidth(lastPrice, priceBandBps))
            .min(BigInteger.valueOf(Long.MAX_VALUE));
    }

    boolean inBand(final long price)
    {
        final BigInteger value = BigInteger.valueOf(price);
        return value.compareTo(bandLow()) >= 0 && value.compareTo(bandHigh()) <= 0;
    }
}
