package bourse.marketdata.feed;

import bourse.marketdata.InstrumentSpec;
import bourse.marketdata.Ohlcv;
import bourse.marketdata.Ticker;
import bourse.sbe.InstrumentSpecEncoder;
import bourse.sbe.OhlcvEncoder;
import bourse.sbe.TickerStatsEncoder;

/** Writes the schema's composites that several market-data messages share. */
final class Composites
{
    private Composites()
    {
    }

    static void encode(final InstrumentSpecEncoder encoder, final InstrumentSpec spec)
    {
        encoder
            .symbol(spec.symbol())
            .baseAssetId(spec.baseAssetId())
            .quoteAssetId(spec.quoteAssetId())
            .priceScale(spec.priceScale())
            .baseScale(spec.baseScale())
            .quoteScale(spec.quoteScale())
            .tickSize(spec.tickSize())
            .lotSize(spec.lotSize());
    }

    static void encode(final TickerStatsEncoder encoder, final Ticker ticker)
    {
        encoder
            .lastTradeId(ticker.lastTradeId())
            .lastPrice(ticker.lastPrice())
            .lastQuantity(ticker.lastQuantity())
            .lastTradeTimestampNs(ticker.lastTradeTimestampNs())
            .windowStartNs(ticker.windowStartNs());
        encode(encoder.window(), ticker.window());
    }

    static void encode(final OhlcvEncoder encoder, final Ohlcv ohlcv)
    {
        encoder
            .openPrice(ohlcv.openPrice())
            .highPrice(ohlcv.highPrice())
            .lowPrice(ohlcv.lowPrice())
            .closePrice(ohlcv.closePrice())
            .baseVolume(ohlcv.baseVolume())
            .quoteVolume(ohlcv.quoteVolume())
            .tradeCount(ohlcv.tradeCount());
    }
}
