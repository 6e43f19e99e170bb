package bourse.marketdata.testing;

import bourse.sbe.BookChecksumDecoder;
import bourse.sbe.BookUpdateDecoder;
import bourse.sbe.CandleUpdateDecoder;
import bourse.sbe.InstrumentDefinitionDecoder;
import bourse.sbe.InstrumentSnapshotDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.OhlcvDecoder;
import bourse.sbe.StatusUpdateDecoder;
import bourse.sbe.TickerDecoder;
import bourse.sbe.TickerStatsDecoder;
import bourse.sbe.TradeUpdateDecoder;
import org.agrona.concurrent.UnsafeBuffer;

/** Market-data messages as one line of text each, for assertions a person can read. */
public final class Messages
{
    private Messages()
    {
    }

    public static int templateId(final byte[] message)
    {
        return new MessageHeaderDecoder().wrap(new UnsafeBuffer(message), 0).templateId();
    }

    public static long channelSequence(final byte[] message)
    {
        return new UnsafeBuffer(message).getLong(MessageHeaderDecoder.ENCODED_LENGTH, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public static long instrumentSequence(final byte[] message)
    {
        return new UnsafeBuffer(message).getLong(MessageHeaderDecoder.ENCODED_LENGTH + 8, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** e.g. {@code "BookUpdate 7/3 BUY 2990000x2000000/1"}: name, channel/instrument sequence, then the content. */
    public static String describe(final byte[] message)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        final int body = MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        final StringBuilder text = new StringBuilder();
        switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID ->
            {
                final InstrumentDefinitionDecoder m = new InstrumentDefinitionDecoder().wrap(buffer, body, blockLength, version);
                text.append("InstrumentDefinition ").append(m.channelSequence()).append('/').append(m.instrumentSequence())
                    .append(' ').append(m.spec().symbol().trim()).append(" scales=").append(m.spec().priceScale())
                    .append(',').append(m.spec().baseScale()).append(',').append(m.spec().quoteScale()).append(' ')
                    .append(m.status());
            }
            case BookUpdateDecoder.TEMPLATE_ID ->
            {
                final BookUpdateDecoder m = new BookUpdateDecoder().wrap(buffer, body, blockLength, version);
                text.append("BookUpdate ").append(m.channelSequence()).append('/').append(m.instrumentSequence());
                for (final BookUpdateDecoder.LevelsDecoder level : m.levels())
                {
                    text.append(' ').append(level.side()).append(' ').append(level.price()).append('x')
                        .append(level.quantity()).append('/').append(level.orderCount());
                }
            }
            case TradeUpdateDecoder.TEMPLATE_ID ->
            {
                final TradeUpdateDecoder m = new TradeUpdateDecoder().wrap(buffer, body, blockLength, version);
                text.append("TradeUpdate ").append(m.channelSequence()).append('/').append(m.instrumentSequence());
                for (final TradeUpdateDecoder.TradesDecoder trade : m.trades())
                {
                    text.append(" #").append(trade.tradeId()).append(' ').append(trade.price()).append('x')
                        .append(trade.quantity()).append(' ').append(trade.aggressorSide());
                }
            }
            case TickerDecoder.TEMPLATE_ID ->
            {
                final TickerDecoder m = new TickerDecoder().wrap(buffer, body, blockLength, version);
                final TickerStatsDecoder stats = m.stats();
                text.append("Ticker ").append(m.channelSequence()).append('/').append(m.instrumentSequence())
                    .append(" last=").append(stats.lastPrice()).append('x').append(stats.lastQuantity())
                    .append(" ohlc=").append(stats.window().openPrice()).append(',').append(stats.window().highPrice())
                    .append(',').append(stats.window().lowPrice()).append(',').append(stats.window().closePrice())
                    .append(" volume=").append(stats.window().baseVolume()).append(" quote=")
                    .append(stats.window().quoteVolume()).append(" trades=").append(stats.window().tradeCount());
            }
            case CandleUpdateDecoder.TEMPLATE_ID ->
            {
                final CandleUpdateDecoder m = new CandleUpdateDecoder().wrap(buffer, body, blockLength, version);
                text.append("CandleUpdate ").append(m.channelSequence()).append('/').append(m.instrumentSequence());
                for (final CandleUpdateDecoder.CandlesDecoder candle : m.candles())
                {
                    final OhlcvDecoder ohlcv = candle.ohlcv();
                    text.append(' ').append(candle.interval()).append('@').append(candle.openTimeNs()).append('=')
                        .append(ohlcv.openPrice()).append(',').append(ohlcv.highPrice()).append(',')
                        .append(ohlcv.lowPrice()).append(',').append(ohlcv.closePrice()).append(',')
                        .append(ohlcv.baseVolume()).append(',').append(ohlcv.tradeCount());
                }
            }
            case StatusUpdateDecoder.TEMPLATE_ID ->
            {
                final StatusUpdateDecoder m = new StatusUpdateDecoder().wrap(buffer, body, blockLength, version);
                text.append("StatusUpdate ").append(m.channelSequence()).append('/').append(m.instrumentSequence())
                    .append(' ').append(m.status());
            }
            case BookChecksumDecoder.TEMPLATE_ID ->
            {
                final BookChecksumDecoder m = new BookChecksumDecoder().wrap(buffer, body, blockLength, version);
                text.append("BookChecksum ").append(m.channelSequence()).append('/').append(m.instrumentSequence())
                    .append(' ').append(m.checksum()).append(" depth=").append(m.depth());
            }
            case InstrumentSnapshotDecoder.TEMPLATE_ID ->
            {
                final InstrumentSnapshotDecoder m = new InstrumentSnapshotDecoder().wrap(buffer, body, blockLength, version);
                text.append("InstrumentSnapshot ").append(m.channelSequence()).append('/').append(m.instrumentSequence())
                    .append(' ').append(m.spec().symbol().trim()).append(" levels=").append(m.bidLevelCount()).append(',')
                    .append(m.askLevelCount());
                for (final InstrumentSnapshotDecoder.LevelsDecoder level : m.levels())
                {
                    text.append(' ').append(level.side()).append(' ').append(level.price()).append('x')
                        .append(level.quantity()).append('/').append(level.orderCount());
                }
            }
            default -> text.append("template ").append(header.templateId());
        }
        return text.toString();
    }
}
