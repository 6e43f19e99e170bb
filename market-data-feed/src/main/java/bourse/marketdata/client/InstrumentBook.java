package bourse.marketdata.client;

import bourse.marketdata.Instrument;
import bourse.marketdata.PriceLevels;
import bourse.sbe.InstrumentStatus;

/**
 * A client's copy of one instrument's market data ({@link Instrument}: definition, L2 book, last trade
 * and 24-hour statistics, current candles and status) as of {@link #instrumentSequence()}, and whether
 * that copy is current ({@link #isSynced()}). Owned by the {@link MarketDataClient}: read it on the
 * polling thread, and keep nothing from it past a listener call (it changes in place).
 */
public final class InstrumentBook extends Instrument
{
    private boolean defined;
    private boolean synced;

    // Recovery state, kept by LocalMarket.
    long lastKnownSequence;
    RecoveryQueue queue;
    boolean bidsClipped;
    long bidsHorizon;
    boolean asksClipped;
    long asksHorizon;
    int checksumDepth;
    int dirty;
    int dirtyCandles;
    boolean listedDirty;

    InstrumentBook(final int instrumentId)
    {
        super(instrumentId);
    }

    /** Whether the definition is known; until it is, the spec's symbol is empty and its numbers 0. */
    public boolean isDefined()
    {
        return defined;
    }

    /** Whether the book is current: false from its first gap (or before its first snapshot) until a snapshot repairs it. */
    public boolean isSynced()
    {
        return synced;
    }

    @Override
    public String toString()
    {
        return (synced ? "synced " : "recovering ") + super.toString();
    }

    PriceLevels bidLevels()
    {
        return levels(true);
    }

    PriceLevels askLevels()
    {
        return levels(false);
    }

    /** Marks the definition known; the caller has set the spec. */
    void defined()
    {
        defined = true;
    }

    void status(final InstrumentStatus status)
    {
        updateStatus(status);
    }

    void instrumentSequence(final long instrumentSequence)
    {
        updateInstrumentSequence(instrumentSequence);
    }

    void synced(final boolean synced)
    {
        this.synced = synced;
    }

    /** No book, no trades: a new instrument. */
    void clearAll()
    {
        levels(true).clear();
        levels(false).clear();
        resetTrading();
        bidsClipped = false;
        asksClipped = false;
    }
}
