package bourse.marketdata.feed;

import bourse.engine.EventSink;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineEventListener;
import bourse.marketdata.BookChecksum;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BookAction;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.InstrumentStatusChangedDecoder;
import bourse.sbe.Side;
import bourse.sbe.TradeDecoder;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The feed's market, derived from the engine's events alone, and the incremental messages that
 * describe each change. Feed it the event stream a message at a time ({@link #onEvents}, or as an Aeron
 * {@link FragmentHandler}): each message is one engine command's events (or a part of a very large
 * batch); when it has been applied, every instrument it touched gets, in this order, a
 * {@code BookUpdate} with the new state of each level that changed, a {@code TradeUpdate} with its
 * trades, and after trades a {@code Ticker} and a {@code CandleUpdate}. Instrument definitions and
 * status changes go out as they happen. All of it is encoded into the {@link Outbox} given; publishing
 * it is the caller's business ({@link MarketDataFeed} does it on Aeron).
 *
 * <p>Single-threaded; allocates nothing in steady state (new instruments and deeper books than ever
 * before allocate once). Events it cannot apply (a change to an order it never saw, which only happens
 * when it joined the event stream late) are reported to the error handler and skipped.
 */
public final class MarketState implements EngineEventListener, EventSink, FragmentHandler
{
    private static final int UNKNOWN_SCALE = -1;

    private final Outbox outbox;
    private final IncrementalEncoder incrementals;
    private final SnapshotEncoder snapshots;
    private final BookChecksum bookChecksum = new BookChecksum();
    private final int checksumDepth;
    private final ErrorHandler errorHandler;
    private final EngineEventAdapter adapter = new EngineEventAdapter(this);
    private final Int2IntHashMap assetScales = new Int2IntHashMap(UNKNOWN_SCALE);
    private final Int2ObjectHashMap<InstrumentState> instrumentsById = new Int2ObjectHashMap<>();
    private InstrumentState[] instruments = new InstrumentState[8];
    private int instrumentCount;
    private InstrumentState[] touched = new InstrumentState[8];
    private int touchedCount;
    private long eventsApplied;
    private long latestTimestampNs;

    /**
     * @param outbox           where incremental messages are encoded.
     * @param maxMessageLength the longest message the streams may carry; longer updates are split, snapshots clipped.
     * @param checksumDepth    levels per side that book checksums cover.
     * @param errorHandler     told of events that cannot be applied.
     */
    public MarketState(
        final Outbox outbox, final int maxMessageLength, final int checksumDepth, final ErrorHandler errorHandler)
    {
        if (checksumDepth < 1)
        {
            throw new IllegalArgumentException("checksumDepth must be positive: " + checksumDepth);
        }
        this.outbox = outbox;
        this.incrementals = new IncrementalEncoder(outbox, maxMessageLength);
        this.snapshots = new SnapshotEncoder(maxMessageLength);
        this.checksumDepth = checksumDepth;
        this.errorHandler = errorHandler;
        if (snapshots.maxLevelsPerSide() < checksumDepth)
        {
            throw new IllegalArgumentException("snapshots of at most " + snapshots.maxLevelsPerSide() +
                " levels per side fit in a message, fewer than the checksum depth " + checksumDepth);
        }
    }

    public Outbox outbox()
    {
        return outbox;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        onEvents(buffer, offset, length);
    }

    /** Applies one message of the event stream and encodes the incrementals it causes. */
    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        adapter.onEvents(buffer, offset, length);
        endBatch();
    }

    @Override
    public void onAssetAdded(final AssetAddedDecoder event)
    {
        eventsApplied++;
        assetScales.put(event.assetId(), event.scale());
    }

    @Override
    public void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
        eventsApplied++;
        onTime(event.timestampNs());
        final int instrumentId = event.instrumentId();
        if (instrumentsById.containsKey(instrumentId))
        {
            errorHandler.onError(new IllegalStateException("instrument " + instrumentId + " added twice"));
            return;
        }
        final int baseScale = assetScales.get(event.baseAssetId());
        final int quoteScale = assetScales.get(event.quoteAssetId());
        final InstrumentState instrument = new InstrumentState(instrumentId,
            quotePerTickLot(event.tickSize(), event.lotSize(), event.priceScale(), baseScale, quoteScale));
        instrument.spec().set(event.symbol().trim(), event.baseAssetId(), event.quoteAssetId(), event.priceScale(),
            baseScale, quoteScale, event.tickSize(), event.lotSize());
        instrument.touch(event.sequence(), event.timestampNs());
        instrumentsById.put(instrumentId, instrument);
        if (instrumentCount == instruments.length)
        {
            instruments = Arrays.copyOf(instruments, instrumentCount * 2);
        }
        instruments[instrumentCount++] = instrument;
        addTouched(instrument);
        incrementals.definition(instrument);
    }

    @Override
    public void onInstrumentStatusChanged(final InstrumentStatusChangedDecoder event)
    {
        eventsApplied++;
        final InstrumentState instrument = touch(event.instrumentId(), event.sequence(), event.timestampNs());
        if (instrument != null)
        {
            instrument.status(event.status());
            incrementals.status(instrument);
        }
    }

    @Override
    public void onBookChanged(final BookChangedDecoder event)
    {
        eventsApplied++;
        final InstrumentState instrument = touch(event.instrumentId(), event.sequence(), event.timestampNs());
        if (instrument == null)
        {
            return;
        }
        final OrderBook book = instrument.book();
        final long orderId = event.orderId();
        final BookAction action = event.action();
        final boolean applied = switch (action)
        {
            case ADDED -> book.onAdded(orderId, event.side() == Side.BUY, event.price(), event.visibleQuantity());
            case REDUCED -> book.onReduced(orderId, event.visibleQuantity());
            case REMOVED -> book.onRemoved(orderId);
            case NULL_VAL -> false;
        };
        if (!applied)
        {
            errorHandler.onError(new IllegalStateException(
                instrument.spec().symbol() + ": " + action + " of order " + orderId + " cannot apply to the book the feed holds"));
        }
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        eventsApplied++;
        final InstrumentState instrument = touch(event.instrumentId(), event.sequence(), event.timestampNs());
        if (instrument != null)
        {
            instrument.onTrade(event.tradeId(), event.price(), event.quantity(), event.aggressorSide(), event.timestampNs());
        }
    }

    /**
     * Moves every instrument's 24-hour window to {@code nowNs} (or to the latest engine time seen, if
     * later) and encodes a {@code Ticker} for each whose statistics changed because trades left the window.
     * Returns how many.
     */
    public int rollStatistics(final long nowNs)
    {
        final long timeNs = Math.max(nowNs, latestTimestampNs);
        int rolled = 0;
        for (int i = 0; i < instrumentCount; i++)
        {
            final InstrumentState instrument = instruments[i];
            if (instrument.rollStats(timeNs))
            {
                incrementals.ticker(instrument, timeNs);
                rolled++;
            }
        }
        return rolled;
    }

    /** Encodes a {@code BookChecksum} for every instrument; returns how many. */
    public int publishChecksums()
    {
        for (int i = 0; i < instrumentCount; i++)
        {
            final InstrumentState instrument = instruments[i];
            incrementals.checksum(instrument, checksum(instrument), checksumDepth);
        }
        return instrumentCount;
    }

    /** The book checksum of an instrument now, over {@link #checksumDepth()} levels per side. */
    public long checksum(final InstrumentState instrument)
    {
        return bookChecksum.compute(instrument.bids(), instrument.asks(), checksumDepth);
    }

    public int checksumDepth()
    {
        return checksumDepth;
    }

    /**
     * Encodes the snapshot of the instrument at {@code index} (in the order instruments were added) at
     * {@code offset}, with the book to {@code depth} levels per side (fewer when a message cannot hold
     * them: see {@link #maxSnapshotLength()}); returns its length.
     */
    public int encodeSnapshot(
        final int index, final MutableDirectBuffer buffer, final int offset, final long channelSequence, final int depth)
    {
        final InstrumentState instrument = instruments[index];
        return snapshots.encode(instrument, buffer, offset, channelSequence, incrementals.lastChannelSequence(),
            instrumentCount, checksum(instrument), checksumDepth, depth);
    }

    /** The longest snapshot {@link #encodeSnapshot} writes. */
    public int maxSnapshotLength()
    {
        return snapshots.maxLength();
    }

    public int instrumentCount()
    {
        return instrumentCount;
    }

    /** The instrument at {@code index}, in the order instruments were added. */
    public InstrumentState instrument(final int index)
    {
        return instruments[index];
    }

    /** The instrument with this id, or null. */
    public InstrumentState instrumentById(final int instrumentId)
    {
        return instrumentsById.get(instrumentId);
    }

    /** The channel sequence of the last incremental message encoded. */
    public long lastChannelSequence()
    {
        return incrementals.lastChannelSequence();
    }

    /** Engine events applied so far (those the feed uses: assets, instruments, status, book changes, trades). */
    public long eventsApplied()
    {
        return eventsApplied;
    }

    /** The latest engine timestamp seen. */
    public long latestTimestampNs()
    {
        return latestTimestampNs;
    }

    private InstrumentState touch(final int instrumentId, final long engineSequence, final long timestampNs)
    {
        onTime(timestampNs);
        final InstrumentState instrument = instrumentsById.get(instrumentId);
        if (instrument == null)
        {
            errorHandler.onError(new IllegalStateException("event for instrument " + instrumentId + " the feed does not know"));
            return null;
        }
        if (instrument.touch(engineSequence, timestampNs))
        {
            addTouched(instrument);
        }
        return instrument;
    }

    private void addTouched(final InstrumentState instrument)
    {
        if (touchedCount == touched.length)
        {
            touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = instrument;
    }

    private void onTime(final long timestampNs)
    {
        latestTimestampNs = Math.max(latestTimestampNs, timestampNs);
    }

    private void endBatch()
    {
        for (int i = 0; i < touchedCount; i++)
        {
            final InstrumentState instrument = touched[i];
            if (instrument.book().changedCount() > 0)
            {
                incrementals.bookUpdate(instrument);
            }
            if (instrument.batchTradeCount() > 0)
            {
                incrementals.trades(instrument);
                incrementals.ticker(instrument, instrument.timestampNs());
                incrementals.candles(instrument);
            }
            instrument.endBatch();
            touched[i] = null;
        }
        touchedCount = 0;
    }

    /** tick × lot × 10^quoteScale / 10^(priceScale + baseScale) when the scales are known and it is a whole number, else 0. */
    private static long quotePerTickLot(
        final long tickSize, final long lotSize, final int priceScale, final int baseScale, final int quoteScale)
    {
        if (baseScale == UNKNOWN_SCALE || quoteScale == UNKNOWN_SCALE || priceScale < 0)
        {
            return 0;
        }
        final BigInteger[] quotientAndRemainder = BigInteger.valueOf(tickSize)
            .multiply(BigInteger.valueOf(lotSize))
            .multiply(BigInteger.TEN.pow(quoteScale))
            .divideAndRemainder(BigInteger.TEN.pow(priceScale + baseScale));
        final BigInteger quotient = quotientAndRemainder[0];
        return quotientAndRemainder[1].signum() == 0 && quotient.bitLength() < Long.SIZE ? quotient.longValue() : 0;
    }
}
