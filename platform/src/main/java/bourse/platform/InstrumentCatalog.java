package bourse.platform;

import bourse.engine.client.EngineEventListener;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;

import java.math.BigDecimal;

/**
 * The instruments and assets an event stream defines, learned from its {@code AssetAdded} and
 * {@code InstrumentAdded} events, so that a replay analysis can print integer amounts as decimals.
 */
abstract class InstrumentCatalog implements EngineEventListener
{
    private final Int2IntHashMap assetScales = new Int2IntHashMap(-1);
    private final Int2ObjectHashMap<Instrument> instruments = new Int2ObjectHashMap<>();

    @Override
    public final void onAssetAdded(final AssetAddedDecoder event)
    {
        assetScales.put(event.assetId(), event.scale());
    }

    @Override
    public final void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
        final Instrument instrument = new Instrument(event.symbol().trim(), event.priceScale(),
            assetScales.get(event.baseAssetId()), assetScales.get(event.quoteAssetId()));
        instruments.put(event.instrumentId(), instrument);
        onInstrument(event.instrumentId(), instrument);
    }

    /** The instrument of this id, or null before it is defined. */
    final Instrument instrument(final int instrumentId)
    {
        return instruments.get(instrumentId);
    }

    /** Called once per instrument, when it is defined. */
    void onInstrument(final int instrumentId, final Instrument instrument)
    {
    }

    /** One instrument's symbol and the scales its prices, quantities (base) and amounts of quote use. */
    record Instrument(String symbol, int priceScale, int baseScale, int quoteScale)
    {
        BigDecimal price(final long price)
        {
            return BigDecimal.valueOf(price, priceScale);
        }

        BigDecimal quantity(final long quantity)
        {
            return BigDecimal.valueOf(quantity, baseScale);
        }

        BigDecimal quote(final long amount)
        {
            return BigDecimal.valueOf(amount, quoteScale);
        }
    }
}
