package bourse.gateway;

import bourse.v1.BookUpdate;
import bourse.v1.MarketDataGrpc;
import bourse.v1.StreamBookRequest;
import bourse.v1.StreamTickerRequest;
import bourse.v1.StreamTradesRequest;
import bourse.v1.TickerUpdate;
import bourse.v1.TradeUpdate;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The {@code bourse.v1.MarketData} service: each call is checked on gRPC's thread and its stream handed to
 * the agent's {@link MarketDataFanout}, which feeds it from the market-data feed's client library.
 */
final class MarketDataService extends MarketDataGrpc.MarketDataImplBase
{
    static final int DEFAULT_DEPTH = 10;
    static final int MAX_DEPTH = 1_000;

    private final Intake intake;
    private final MarketDataFanout fanout;
    private final int streamBufferCapacity;

    /** @param fanout null when the gateway has no market-data feed: every call is then UNAVAILABLE. */
    MarketDataService(final Intake intake, final MarketDataFanout fanout, final int streamBufferCapacity)
    {
        this.intake = intake;
        this.fanout = fanout;
        this.streamBufferCapacity = streamBufferCapacity;
    }

    @Override
    public void streamBook(final StreamBookRequest request, final StreamObserver<BookUpdate> call)
    {
        try
        {
            final InstrumentInfo instrument = instrument(request.getInstrument());
            final int depth = request.getDepth() == 0 ? DEFAULT_DEPTH : request.getDepth();
            if (depth < 0 || depth > MAX_DEPTH)
            {
                throw RequestException.invalid("depth", "between 1 and " + MAX_DEPTH + ", or 0 for " + DEFAULT_DEPTH);
            }
            final BookStream stream = new BookStream(new OutboundStream<>((ServerCallStreamObserver<BookUpdate>)call,
                streamBufferCapacity, OutboundStream.Overflow.RESET, intake.clock), instrument, depth);
            intake.attach(stream.out, router -> fanout.addBook(stream), router -> fanout.removeBook(stream));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void streamTrades(final StreamTradesRequest request, final StreamObserver<TradeUpdate> call)
    {
        try
        {
            final int instrumentId = instrument(request.getInstrument()).instrumentId();
            final OutboundStream<TradeUpdate> stream = new OutboundStream<>((ServerCallStreamObserver<TradeUpdate>)call,
                streamBufferCapacity, OutboundStream.Overflow.FAIL, intake.clock);
            intake.attach(stream, router -> fanout.addTrades(instrumentId, stream), router -> fanout.removeTrades(instrumentId, stream));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void streamTicker(final StreamTickerRequest request, final StreamObserver<TickerUpdate> call)
    {
        try
        {
            final int instrumentId = instrument(request.getInstrument()).instrumentId();
            final OutboundStream<TickerUpdate> stream = new OutboundStream<>((ServerCallStreamObserver<TickerUpdate>)call,
                1, OutboundStream.Overflow.KEEP_LATEST, intake.clock);
            intake.attach(stream, router -> fanout.addTicker(instrumentId, stream), router -> fanout.removeTicker(instrumentId, stream));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    private InstrumentInfo instrument(final String symbol)
    {
        if (fanout == null)
        {
            throw new RequestException(Status.UNAVAILABLE.withDescription("this gateway has no market-data feed"));
        }
        return intake.catalog.require(symbol, "instrument");
    }
}
