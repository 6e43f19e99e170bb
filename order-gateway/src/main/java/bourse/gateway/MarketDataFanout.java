package bourse.gateway;

import bourse.marketdata.Ohlcv;
import bourse.marketdata.Ticker;
import bourse.marketdata.client.InstrumentBook;
import bourse.marketdata.client.MarketDataClient;
import bourse.marketdata.client.MarketDataListener;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.Side;
import bourse.v1.TickerUpdate;
import bourse.v1.TradeUpdate;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Market data from the feed's client library to the gRPC streams that want it, on the gateway's agent
 * thread. The client rebuilds each instrument's book from the feed (with its own gap detection and
 * recovery) and reports what changed once per poll; this fans each change out: book updates to the
 * {@link BookStream}s of the instrument, trades and tickers to theirs. A stream's own buffer absorbs a slow
 * reader: a book stream starts over with a snapshot, a ticker keeps the latest only, a trade stream that
 * overflows ends (RESOURCE_EXHAUSTED).
 */
final class MarketDataFanout implements MarketDataListener
{
    private final InstrumentCatalog catalog;
    private final Int2ObjectHashMap<List<BookStream>> books = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<List<OutboundStream<TradeUpdate>>> trades = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<List<OutboundStream<TickerUpdate>>> tickers = new Int2ObjectHashMap<>();
    /** The ticker last sent per instrument: a book change that leaves it as it was sends nothing. */
    private final Int2ObjectHashMap<TickerUpdate> lastTickers = new Int2ObjectHashMap<>();
    private MarketDataClient client;
    /** Some book stream waits for room for a snapshot. */
    private boolean snapshotsWaiting;

    MarketDataFanout(final InstrumentCatalog catalog)
    {
        this.catalog = catalog;
    }

    /** The client this fans out from; it calls this listener when polled. */
    void client(final MarketDataClient client)
    {
        this.client = client;
    }

    /** Polls the feed's client, then sends the snapshots that waited for room. */
    int poll()
    {
        int work = client.poll();
        if (snapshotsWaiting)
        {
            snapshotsWaiting = false;
            for (final List<BookStream> streams : books.values())
            {
                for (final BookStream stream : streams)
                {
                    if (stream.needsSnapshot())
                    {
                        final InstrumentBook book = client.book(stream.instrument.instrumentId());
                        work += book == null ? 0 : stream.snapshot(book);
                        snapshotsWaiting |= stream.needsSnapshot();
                    }
                }
            }
        }
        return work;
    }

    void addBook(final BookStream stream)
    {
        add(books, stream.instrument.instrumentId(), stream);
        final InstrumentBook book = client.book(stream.instrument.instrumentId());
        if (book != null)
        {
            stream.snapshot(book);
        }
        snapshotsWaiting |= stream.needsSnapshot();
    }

    void removeBook(final BookStream stream)
    {
        remove(books, stream.instrument.instrumentId(), stream);
    }

    void addTrades(final int instrumentId, final OutboundStream<TradeUpdate> stream)
    {
        add(trades, instrumentId, stream);
    }

    void removeTrades(final int instrumentId, final OutboundStream<TradeUpdate> stream)
    {
        remove(trades, instrumentId, stream);
    }

    /** Adds the stream and sends it the instrument's ticker as it stands, if the feed's book is current. */
    void addTicker(final int instrumentId, final OutboundStream<TickerUpdate> stream)
    {
        add(tickers, instrumentId, stream);
        final InstrumentBook book = client.book(instrumentId);
        if (book != null && book.isSynced())
        {
            final TickerUpdate ticker = ticker(book);
            if (ticker != null)
            {
                stream.offer(ticker);
            }
        }
    }

    void removeTicker(final int instrumentId, final OutboundStream<TickerUpdate> stream)
    {
        remove(tickers, instrumentId, stream);
    }

    @Override
    public void onBook(final InstrumentBook book)
    {
        final List<BookStream> streams = books.get(book.instrumentId());
        if (streams != null)
        {
            for (final BookStream stream : streams)
            {
                stream.onBook(book);
                snapshotsWaiting |= stream.needsSnapshot();
            }
        }
        // Best bid and offer are part of the ticker.
        publishTicker(book);
    }

    @Override
    public void onGap(final InstrumentBook book)
    {
        final List<BookStream> streams = books.get(book.instrumentId());
        if (streams != null)
        {
            streams.forEach(BookStream::onGap);
        }
    }

    @Override
    public void onTrade(
        final InstrumentBook book,
        final long tradeId,
        final long price,
        final long quantity,
        final Side aggressorSide,
        final long timestampNs)
    {
        final List<OutboundStream<TradeUpdate>> streams = trades.get(book.instrumentId());
        final InstrumentInfo instrument = catalog.byId(book.instrumentId());
        if (streams == null || instrument == null)
        {
            return;
        }
        final TradeUpdate trade = TradeUpdate.newBuilder()
            .setInstrument(instrument.symbol())
            .setTradeId(tradeId)
            .setPrice(instrument.price(price))
            .setQuantity(instrument.quantity(quantity))
            .setAggressorSide(ProtoCodes.side(aggressorSide.value()))
            .setTimestampNs(timestampNs)
            .build();
        offerAll(streams, trade);
    }

    @Override
    public void onTicker(final InstrumentBook book, final Ticker ticker)
    {
        publishTicker(book);
    }

    @Override
    public void onStatus(final InstrumentBook book)
    {
        publishTicker(book);
    }

    private void publishTicker(final InstrumentBook book)
    {
        final List<OutboundStream<TickerUpdate>> streams = tickers.get(book.instrumentId());
        if (streams != null)
        {
            final TickerUpdate ticker = ticker(book);
            if (ticker != null && !ticker.equals(lastTickers.put(book.instrumentId(), ticker)))
            {
                offerAll(streams, ticker);
            }
        }
    }

    /** The instrument's ticker: last trade, best bid and offer, status and the 24 h window; null if unknown. */
    private TickerUpdate ticker(final InstrumentBook book)
    {
        final InstrumentInfo instrument = catalog.byId(book.instrumentId());
        if (instrument == null)
        {
            return null;
        }
        final Ticker ticker = book.ticker();
        final Ohlcv window = ticker.window();
        final TickerUpdate.Builder update = TickerUpdate.newBuilder()
            .setInstrument(instrument.symbol())
            .setStatus(book.status() == InstrumentStatus.HALTED ? bourse.v1.InstrumentStatus.INSTRUMENT_STATUS_HALTED :
                bourse.v1.InstrumentStatus.INSTRUMENT_STATUS_TRADING)
            .setLastTradeId(ticker.lastTradeId())
            .setLastTradeTimestampNs(ticker.lastTradeTimestampNs())
            .setOpenPrice24H(priceOrEmpty(instrument, window.openPrice()))
            .setHighPrice24H(priceOrEmpty(instrument, window.highPrice()))
            .setLowPrice24H(priceOrEmpty(instrument, window.lowPrice()))
            .setVolume24H(instrument.quantity(window.baseVolume()))
            .setQuoteVolume24H(instrument.quoteAmount(window.quoteVolume()))
            .setTradeCount24H(window.tradeCount());
        if (ticker.lastTradeId() != 0)
        {
            update.setLastPrice(instrument.price(ticker.lastPrice())).setLastQuantity(instrument.quantity(ticker.lastQuantity()));
        }
        if (!book.bids().isEmpty())
        {
            update.setBestBidPrice(instrument.price(book.bids().price(0)))
                .setBestBidQuantity(instrument.quantity(book.bids().quantity(0)));
        }
        if (!book.asks().isEmpty())
        {
            update.setBestAskPrice(instrument.price(book.asks().price(0)))
                .setBestAskQuantity(instrument.quantity(book.asks().quantity(0)));
        }
        return update.build();
    }

    /** Ohlcv prices are 0 when the window holds no trade: no price, rather than a price of 0. */
    private static String priceOrEmpty(final InstrumentInfo instrument, final long units)
    {
        return units == 0 ? "" : instrument.price(units);
    }

    private static <T> void offerAll(final List<OutboundStream<T>> streams, final T message)
    {
        for (int i = streams.size() - 1; i >= 0; i--)
        {
            streams.get(i).offer(message);
        }
    }

    private static <T> void add(final Int2ObjectHashMap<List<T>> byInstrument, final int instrumentId, final T stream)
    {
        byInstrument.computeIfAbsent(instrumentId, id -> new ArrayList<>()).add(stream);
    }

    private static <T> void remove(final Int2ObjectHashMap<List<T>> byInstrument, final int instrumentId, final T stream)
    {
        final List<T> streams = byInstrument.get(instrumentId);
        if (streams != null)
        {
            streams.remove(stream);
            if (streams.isEmpty())
            {
                byInstrument.remove(instrumentId);
            }
        }
    }
}
