package bourse.marketdata.feed;

import bourse.marketdata.BookLevels;
import bourse.marketdata.Candle;
import bourse.sbe.CandleInterval;
import bourse.sbe.InstrumentSnapshotEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.Side;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes an instrument's {@code InstrumentSnapshot}: definition, ticker, current candles and the book
 * to a depth, clipped further so that the message fits in {@code maxMessageLength}.
 */
final class SnapshotEncoder
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int GROUP_HEADER = 4;
    private static final int LEVEL_LENGTH = InstrumentSnapshotEncoder.LevelsEncoder.sbeBlockLength();
    private static final int FIXED_LENGTH = HEADER + InstrumentSnapshotEncoder.BLOCK_LENGTH + GROUP_HEADER +
        GROUP_HEADER + Candle.INTERVALS.length * InstrumentSnapshotEncoder.CandlesEncoder.sbeBlockLength();
    /** Both sides share one group, counted in 16 bits. */
    private static final int MAX_LEVELS_PER_SIDE = 0xFFFF / 2;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentSnapshotEncoder snapshot = new InstrumentSnapshotEncoder();
    private final int maxLevelsPerSide;

    SnapshotEncoder(final int maxMessageLength)
    {
        maxLevelsPerSide = Math.min(MAX_LEVELS_PER_SIDE, (maxMessageLength - FIXED_LENGTH) / (2 * LEVEL_LENGTH));
        if (maxLevelsPerSide < 1)
        {
            throw new IllegalArgumentException("messages of " + maxMessageLength + " bytes are too short for snapshots");
        }
    }

    /** The most levels per side a snapshot holds, whatever the depth asked for. */
    int maxLevelsPerSide()
    {
        return maxLevelsPerSide;
    }

    /** The longest snapshot this encoder writes. */
    int maxLength()
    {
        return FIXED_LENGTH + 2 * maxLevelsPerSide * LEVEL_LENGTH;
    }

    /** Encodes at {@code offset} and returns the length, message header included. */
    int encode(
        final InstrumentState instrument,
        final MutableDirectBuffer buffer,
        final int offset,
        final long channelSequence,
        final long lastIncrementalChannelSequence,
        final int instrumentCount,
        final long checksum,
        final int checksumDepth,
        final int depth)
    {
        final BookLevels bids = instrument.bids();
        final BookLevels asks = instrument.asks();
        final int levelsPerSide = Math.min(depth, maxLevelsPerSide);
        final int bidCount = Math.min(levelsPerSide, bids.size());
        final int askCount = Math.min(levelsPerSide, asks.size());
        snapshot.wrapAndApplyHeader(buffer, offset, header)
            .channelSequence(channelSequence)
            .instrumentSequence(instrument.instrumentSequence())
            .engineSequence(instrument.engineSequence())
            .timestampNs(instrument.timestampNs())
            .instrumentId(instrument.instrumentId())
            .lastIncrementalChannelSequence(lastIncrementalChannelSequence)
            .instrumentCount(instrumentCount)
            .status(instrument.status())
            .checksum(checksum)
            .checksumDepth(checksumDepth)
            .bidLevelCount(bids.size())
            .askLevelCount(asks.size());
        Composites.encode(snapshot.spec(), instrument.spec());
        Composites.encode(snapshot.stats(), instrument.ticker());
        final InstrumentSnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(bidCount + askCount);
        encodeSide(levels, bids, Side.BUY, bidCount);
        encodeSide(levels, asks, Side.SELL, askCount);
        final InstrumentSnapshotEncoder.CandlesEncoder candles = snapshot.candlesCount(Candle.INTERVALS.length);
        for (final CandleInterval interval : Candle.INTERVALS)
        {
            final Candle candle = instrument.candle(interval);
            Composites.encode(candles.next().interval(interval).openTimeNs(candle.openTimeNs()).ohlcv(), candle.ohlcv());
        }
        return HEADER + snapshot.encodedLength();
    }

    private static void encodeSide(
        final InstrumentSnapshotEncoder.LevelsEncoder levels, final BookLevels side, final Side sideValue, final int count)
    {
        for (int rank = 0; rank < count; rank++)
        {
            levels.next().side(sideValue).price(side.price(rank)).quantity(side.quantity(rank)).orderCount(side.orderCount(rank));
        }
    }
}
