package bourse.marketdata.client;

import bourse.marketdata.Candle;
import bourse.marketdata.Ticker;
import bourse.sbe.Side;

/**
 * Receives what a {@link MarketDataClient} learns, on the thread that polls it. State changes are
 * conflated: at the end of each poll, every instrument whose book, ticker, candles or status changed
 * during the poll is reported once, with its latest state, however many messages changed it; so a
 * listener slower than the feed costs time per instrument and poll, not per message. Trades are events
 * and are not conflated: each received trade is reported once, as it is received. Read the objects
 * passed during the call only: they change in place afterwards.
 */
public interface MarketDataListener
{
    /** A new instrument: its definition is known (from the incremental stream or a snapshot). */
    default void onInstrument(final InstrumentBook book)
    {
    }

    /** The book changed, or became current again after a gap; {@link InstrumentBook#isSynced()} is true. */
    default void onBook(final InstrumentBook book)
    {
    }

    /** A trade, as received (trades in messages lost to a gap are not reported). */
    default void onTrade(
        final InstrumentBook book,
        final long tradeId,
        final long price,
        final long quantity,
        final Side aggressorSide,
        final long timestampNs)
    {
    }

    /** The last trade or the 24-hour statistics changed. */
    default void onTicker(final InstrumentBook book, final Ticker ticker)
    {
    }

    /** A candle changed: the current one grew, or a new interval began. */
    default void onCandle(final InstrumentBook book, final Candle candle)
    {
    }

    /** The instrument was halted or resumed. */
    default void onStatus(final InstrumentBook book)
    {
    }

    /**
     * The book is no longer current: messages of the instrument were lost, or its checksum disagreed.
     * Its updates wait until the next snapshot repairs it; {@link #onBook} follows once it has.
     */
    default void onGap(final InstrumentBook book)
    {
    }
}
