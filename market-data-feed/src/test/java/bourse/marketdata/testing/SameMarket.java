package bourse.marketdata.testing;

import bourse.marketdata.BookLevels;
import bourse.marketdata.Candle;
import bourse.marketdata.Instrument;
import bourse.marketdata.Ohlcv;
import bourse.marketdata.Ticker;
import bourse.sbe.CandleInterval;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares two holders of an instrument's market data (the feed's and a client's) field by field. */
public final class SameMarket
{
    private SameMarket()
    {
    }

    /** The instrument as text: spec, status, sequence, every level, ticker and candles. */
    public static String describe(final Instrument instrument)
    {
        return describe(instrument, true);
    }

    /**
     * The same, optionally without the start of the 24-hour window, which a live feed also moves by its
     * own clock and a derivation from the same events without that clock does not.
     */
    public static String describe(final Instrument instrument, final boolean withWindowStart)
    {
        final Ticker ticker = instrument.ticker();
        final StringBuilder text = new StringBuilder()
            .append(instrument.instrumentId()).append(' ').append(instrument.spec()).append(' ')
            .append(instrument.status()).append(" seq=").append(instrument.instrumentSequence())
            .append("\n bids ").append(levels(instrument.bids()))
            .append("\n asks ").append(levels(instrument.asks()))
            .append("\n last ").append(ticker.lastTradeId()).append(' ').append(ticker.lastPrice()).append('x')
            .append(ticker.lastQuantity()).append('@').append(ticker.lastTradeTimestampNs())
            .append("\n 24h ").append(withWindowStart ? ticker.windowStartNs() + " " : "").append(ticker.window());
        for (final CandleInterval interval : Candle.INTERVALS)
        {
            final Candle candle = instrument.candle(interval);
            text.append("\n ").append(candle.exists() ? candle.toString() : interval + " none");
        }
        return text.toString();
    }

    public static void assertSame(final Instrument actual, final Instrument expected)
    {
        assertThat(describe(actual)).isEqualTo(describe(expected));
    }

    public static List<String> levels(final BookLevels side)
    {
        final List<String> levels = new ArrayList<>();
        for (int rank = 0; rank < side.size(); rank++)
        {
            levels.add(side.price(rank) + "x" + side.quantity(rank) + "/" + side.orderCount(rank));
        }
        return levels;
    }

    public static String ohlcv(final Ohlcv ohlcv)
    {
        return ohlcv.toString();
    }
}
