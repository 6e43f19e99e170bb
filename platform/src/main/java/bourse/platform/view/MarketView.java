package bourse.platform.view;

import bourse.engine.client.EngineEventListener;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The public market as rebuilt from engine events alone: assets, instruments, their books and
 * trades. It is what a market-data consumer could know, never what an order sender intended.
 * Open for extension by an analysis that follows more of the events (a subclass overriding one of
 * these handlers calls it too).
 */
public class MarketView implements EngineEventListener
{
    private static final int MAX_ASSETS = 256;

    private final String[] assetCodes = new String[MAX_ASSETS];
    private final int[] assetScales = new int[MAX_ASSETS];
    private final Int2ObjectHashMap<InstrumentView> instrumentsById = new Int2ObjectHashMap<>();
    private final List<InstrumentView> instruments = new ArrayList<>();
    private long tradeCount;

    @Override
    public void onAssetAdded(final AssetAddedDecoder event)
    {
        assetCodes[event.assetId()] = event.code();
        assetScales[event.assetId()] = event.scale();
    }

    @Override
    public void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
        final InstrumentView instrument = new InstrumentView(event);
        instrumentsById.put(instrument.instrumentId(), instrument);
        instruments.add(instrument);
        instruments.sort(Comparator.comparingInt(InstrumentView::instrumentId));
    }

    @Override
    public void onBookChanged(final BookChangedDecoder event)
    {
        instrumentsById.get(event.instrumentId()).onBookChanged(event);
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        tradeCount++;
        instrumentsById.get(event.instrumentId()).onTrade(event);
    }

    /** Instruments in instrument id order. */
    public List<InstrumentView> instruments()
    {
        return Collections.unmodifiableList(instruments);
    }

    /** The instrument, or null when the engine has not announced it. */
    public InstrumentView instrument(final int instrumentId)
    {
        return instrumentsById.get(instrumentId);
    }

    /** Trades on every instrument so far. */
    public long tradeCount()
    {
        return tradeCount;
    }

    public String assetCode(final int assetId)
    {
        return assetCodes[assetId];
    }

    /** Decimals of the asset's minor unit: an amount {@code a} is {@code a × 10^-scale} of the asset. */
    public int assetScale(final int assetId)
    {
        return assetScales[assetId];
    }

    /** An amount of an asset in its minor units as a decimal string without trailing zeros, e.g. {@code 1.25}. */
    public String formatAmount(final int assetId, final long amount)
    {
        return Decimals.formatTrimmed(amount, assetScales[assetId]);
    }
}
