package bourse.marketdata;

import bourse.sbe.CandleInterval;
import bourse.sbe.InstrumentStatus;

/**
 * One instrument's public market data: its definition, its price levels (L2; the best of each side is
 * L1), last trade and 24-hour statistics, current candles and trading status, as of the instrument
 * sequence of the last message that changed it. The feed keeps one per instrument, derived from engine
 * events; a client keeps one, rebuilt from the feed's messages. Read it on its owner's thread.
 */
public abstract class Instrument
{
    private static final int INITIAL_LEVELS = 64;

    private final int instrumentId;
    private final InstrumentSpec spec = new InstrumentSpec();
    private final PriceLevels bids = new PriceLevels(true, INITIAL_LEVELS);
    private final PriceLevels asks = new PriceLevels(false, INITIAL_LEVELS);
    private final Ticker ticker = new Ticker();
    private final Candle[] candles = new Candle[Candle.INTERVALS.length];
    private InstrumentStatus status = InstrumentStatus.TRADING;
    private long instrumentSequence;

    protected Instrument(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        for (final CandleInterval interval : Candle.INTERVALS)
        {
            candles[Candle.index(interval)] = new Candle(interval);
        }
    }

    public final int instrumentId()
    {
        return instrumentId;
    }

    /** Symbol, assets, scales, tick and lot. */
    public final InstrumentSpec spec()
    {
        return spec;
    }

    /** The instrument's symbol, e.g. {@code BTC-USD}; empty until known. */
    public final String symbol()
    {
        return spec.symbol();
    }

    public final InstrumentStatus status()
    {
        return status;
    }

    /** Bid levels, best (highest) first. */
    public final BookLevels bids()
    {
        return bids;
    }

    /** Ask levels, best (lowest) first. */
    public final BookLevels asks()
    {
        return asks;
    }

    /** Last trade and 24-hour statistics. */
    public final Ticker ticker()
    {
        return ticker;
    }

    /** The current candle of {@code interval}; {@link Candle#exists()} is false before the first trade. */
    public final Candle candle(final CandleInterval interval)
    {
        return candles[Candle.index(interval)];
    }

    /** The instrument sequence of the last incremental message that changed this instrument. */
    public final long instrumentSequence()
    {
        return instrumentSequence;
    }

    @Override
    public String toString()
    {
        return spec.symbol() + "#" + instrumentId + " seq=" + instrumentSequence + " " + status + " " + bids + " " +
            asks + " " + ticker;
    }

    protected final PriceLevels levels(final boolean bid)
    {
        return bid ? bids : asks;
    }

    protected final void updateStatus(final InstrumentStatus status)
    {
        this.status = status;
    }

    protected final void updateInstrumentSequence(final long instrumentSequence)
    {
        this.instrumentSequence = instrumentSequence;
    }

    /** Forgets trades and candles: no trade yet. */
    protected final void resetTrading()
    {
        ticker.reset();
        for (final Candle candle : candles)
        {
            candle.reset();
        }
    }
}
