package bourse.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The assets and instruments the engine has announced: written by the gateway's agent as their events
 * arrive, read by the gRPC threads that turn symbols and decimals into the engine's ids and integers.
 */
final class InstrumentCatalog
{
    /** An asset's code and the decimals of its minor unit. */
    record Asset(String code, int scale)
    {
    }

    /** Symbols are at most 16 characters: a longer one is not repeated back in an error. */
    private static final int MAX_QUOTED_SYMBOL = 16;

    private final ConcurrentHashMap<Integer, Asset> assets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, InstrumentInfo> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, InstrumentInfo> bySymbol = new ConcurrentHashMap<>();

    void addAsset(final int assetId, final String code, final int scale)
    {
        assets.put(assetId, new Asset(code, scale));
    }

    Asset asset(final int assetId)
    {
        return assets.get(assetId);
    }

    void addInstrument(final InstrumentInfo instrument)
    {
        byId.put(instrument.instrumentId(), instrument);
        bySymbol.put(instrument.symbol(), instrument);
    }

    void setHalted(final int instrumentId, final boolean halted)
    {
        final InstrumentInfo instrument = byId.get(instrumentId);
        if (instrument != null)
        {
            addInstrument(instrument.withHalted(halted));
        }
    }

    /** The instrument, or null when the engine has announced none with that id. */
    InstrumentInfo byId(final int instrumentId)
    {
        return byId.get(instrumentId);
    }

    /** The instrument, or null when the engine has announced none with that symbol. */
    InstrumentInfo bySymbol(final String symbol)
    {
        return bySymbol.get(symbol);
    }

    /**
     * The instrument a request names by symbol.
     *
     * @throws RequestException INVALID_ARGUMENT when the symbol is empty or unknown.
     */
    InstrumentInfo require(final String symbol, final String field)
    {
        if (symbol.isEmpty())
        {
            throw RequestException.invalid(field, "required: an instrument symbol such as BTC-USD");
        }
        final InstrumentInfo instrument = bySymbol.get(symbol);
        if (instrument == null)
        {
            final String named = symbol.length() <= MAX_QUOTED_SYMBOL ? "the symbol '" + symbol + "'" : "that symbol";
            throw RequestException.invalid(field, "no instrument has " + named + " (ListInstruments lists them)");
        }
        return instrument;
    }

    /** Every instrument by ascending id. */
    List<InstrumentInfo> instruments()
    {
        return byId.values().stream().sorted(Comparator.comparingInt(InstrumentInfo::instrumentId)).toList();
    }
}
