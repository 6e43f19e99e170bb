package bourse.gateway;

import bourse.v1.BatchResult;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.OrderState;
import bourse.v1.OrdersGrpc;
import bourse.v1.RejectReason;
import bourse.v1.SessionOptions;
import bourse.v1.SessionResponse;
import bourse.v1.Side;
import bourse.v1.StreamExecutionsRequest;
import bourse.v1.SubmitBatchResponse;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code StreamExecutions} and {@code SubmitBatch}, and the streams under load: a reader that stops reading
 * beside one that keeps up, and many sessions at once.
 */
class ExecutionStreamsTest
{
    /**
     * Small, so that a reader that stops overflows its buffer well within the test's 3,000 reports (after
     * its connection's 64 KiB window and gRPC's 32 KiB ready threshold), yet room enough for a reader that
     * keeps up to ride out a burst the gateway's agent produces faster than a loaded 2-core machine
     * schedules that reader's transport thread: at 32 such a reader was sometimes dropped too.
     */
    private static final int STREAM_BUFFER = 256;
    /** The open order a stream's first message reports, which shows that the stream is registered. */
    private static final String ANCHOR = "anchor";
    @RegisterExtension
    static final SharedVenue venue = new SharedVenue(gateway -> gateway.streamBufferCapacity(STREAM_BUFFER).maxBatchSize(2_000));

    @Test
    void shouldStreamEveryReportOfTheAccountWhoeverPlacedTheOrder()
    {
        final Trader trader = venue.trader();
        final Trader stranger = venue.trader();
        final Received<ExecutionReport> stream = streamExecutions(trader);
        final Received<ExecutionReport> strangers = streamExecutions(stranger);

        final long unary = place(trader, limit("unary", Side.SIDE_BUY, "28001", "0.01")).getOrderId();
        final Session session = Session.open(trader, SessionOptions.getDefaultInstance());
        session.submit(1, limit("session", Side.SIDE_BUY, "28002", "0.01"));
        final long fromSession = session.nextReport().getOrderId();
        place(stranger, limit("stranger", Side.SIDE_BUY, "28003", "0.01"));

        assertThat(stream.next(2)).extracting(ExecutionReport::getOrderId).containsExactly(unary, fromSession);
        assertThat(strangers.next().getClientOrderId()).isEqualTo("stranger");
        assertThat(stream.waiting()).as("nothing of the stranger's").isEmpty();
    }

    @Test
    void shouldStartWithTheOpenOrdersWhenAsked()
    {
        final Trader trader = venue.trader();
        final long first = place(trader, limit("open-1", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        final long second = place(trader, limit("open-2", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        final Received<ExecutionReport> stream = new Received<>();

        trader.ordersAsync.streamExecutions(StreamExecutionsRequest.newBuilder().setIncludeOpenOrders(true).build(), stream);

        assertThat(stream.next(2)).allSatisfy(report ->
            assertThat(report.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_ORDER_STATUS))
            .extracting(ExecutionReport::getOrderId).containsExactly(first, second);
    }

    @Test
    void shouldAnswerABatchInRequestOrder()
    {
        final Trader trader = venue.trader();
        final Received<SubmitBatchResponse> answer = new Received<>();
        final StreamObserver<SubmitOrderRequest> batch = trader.ordersAsync.submitBatch(answer);

        batch.onNext(limit("b-1", Side.SIDE_BUY, "28000", "0.01"));
        batch.onNext(limit("b-2", Side.SIDE_BUY, "28000", "-1"));
        batch.onNext(limit("b-3", Side.SIDE_BUY, "28000.50", "0.01"));
        batch.onNext(limit("b-1", Side.SIDE_BUY, "28000", "0.01"));
        batch.onNext(limit("b-4", Side.SIDE_SELL, "31000", "0.02"));
        batch.onCompleted();
        final List<BatchResult> results = answer.next().getResultsList();

        assertThat(results).hasSize(5);
        assertThat(results.get(0).getReport().getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
        assertThat(results.get(1).getError().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT.value());
        assertThat(results.get(1).getError().getMessage()).isEqualTo("quantity: must be positive, not -1");
        assertThat(results.get(2).getReport().getRejectReason()).isEqualTo(RejectReason.REJECT_REASON_PRICE_NOT_ON_TICK);
        assertThat(results.get(3).getReport().getOrderId()).as("the same client order id: the same order")
            .isEqualTo(results.get(0).getReport().getOrderId());
        assertThat(results.get(4).getReport().getClientOrderId()).isEqualTo("b-4");
        assertThat(answer.end().isOk()).isTrue();
    }

    @Test
    void shouldNotLetAReaderThatStoppedHoldUpOneThatReads()
    {
        final Trader trader = venue.trader();
        final ManagedChannel smallWindow = NettyChannelBuilder.forAddress("127.0.0.1", venue.gateway().port())
            .usePlaintext().flowControlWindow(65_535).build();
        try
        {
            final Received<ExecutionReport> reading = streamExecutions(trader);
            final StoppedReader<ExecutionReport> stopped = new StoppedReader<>(1);
            authorized(OrdersGrpc.newStub(smallWindow), trader).streamExecutions(
                StreamExecutionsRequest.newBuilder().setIncludeOpenOrders(true).build(), stopped);
            assertThat(stopped.received.next().getClientOrderId()).as("registered: its one message read").isEqualTo(ANCHOR);
            final int orders = 1_500;

            // IOC orders that find nothing to take: two reports each (NEW, CANCELLED), and none stays open.
            final List<BatchResult> results = submitBatch(trader, IntStream.range(0, orders)
                .mapToObj(i -> SubmitOrderRequest.newBuilder(limit("slow-" + i, Side.SIDE_BUY, "28000", "0.01"))
                    .setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC).build()).toList());

            assertThat(results).hasSize(orders).allSatisfy(result ->
                assertThat(result.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED));
            assertThat(reading.next(2 * orders)).extracting(ExecutionReport::getClientOrderId)
                .containsExactlyElementsOf(IntStream.range(0, 2 * orders).mapToObj(i -> "slow-" + i / 2).toList());
            assertThat(reading.hasEnded()).isFalse();

            // The reader that stopped gets what its connection held for it, and then the end of its stream:
            // the gateway dropped it rather than wait for it.
            stopped.readTheRest();
            final Status stoppedEnd = stopped.received.end();
            assertThat(stoppedEnd.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(stoppedEnd.getDescription())
                .isEqualTo("the client read too slowly: " + STREAM_BUFFER + " messages were waiting for it");
            assertThat(stopped.received.waiting()).hasSizeLessThan(2 * orders);
        }
        finally
        {
            smallWindow.shutdownNow();
        }
    }

    @Test
    void shouldServeManySessionsAtOnceEachWithItsOwnReports() throws Exception
    {
        final int sessions = 16;
        final int ordersEach = 40;
        final List<Trader> traders = IntStream.range(0, sessions / 2).mapToObj(i -> venue.trader()).toList();
        final ExecutorService clients = Executors.newFixedThreadPool(4);
        try
        {
            final List<CompletableFuture<List<SessionResponse>>> answers = new ArrayList<>();
            for (int s = 0; s < sessions; s++)
            {
                final Trader trader = traders.get(s / 2);
                final String prefix = "m" + s + "-";
                answers.add(CompletableFuture.supplyAsync(() ->
                {
                    final Session session = Session.open(trader, SessionOptions.newBuilder().setCancelOnDisconnect(true).build());
                    for (int i = 0; i < ordersEach; i++)
                    {
                        session.submit(i + 1, limit(prefix + i, Side.SIDE_BUY, "28000", "0.01"));
                    }
                    final List<SessionResponse> responses = session.responses.next(ordersEach);
                    session.close();
                    return responses;
                }, clients));
            }

            for (int s = 0; s < sessions; s++)
            {
                final String prefix = "m" + s + "-";
                assertThat(answers.get(s).get(Venue.PATIENCE.toSeconds(), TimeUnit.SECONDS)).allSatisfy(response ->
                {
                    assertThat(response.getReport().getClientOrderId()).startsWith(prefix);
                    assertThat(response.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_NEW);
                    assertThat(response.getReport().getClientOrderId()).isEqualTo(prefix + (response.getRequestId() - 1));
                }).extracting(SessionResponse::getRequestId)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ordersEach).mapToObj(i -> (long)i).toList());
            }
            for (final Trader trader : traders)
            {
                Venue.eventually("the sessions' orders to be cancelled on disconnect", () ->
                    trader.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersCount() == 0);
            }
        }
        finally
        {
            clients.shutdownNow();
        }
    }

    @Test
    void shouldRefuseABatchLargerThanAllowed()
    {
        final Received<SubmitBatchResponse> answer = new Received<>();
        final StreamObserver<SubmitOrderRequest> batch = venue.trader().ordersAsync.submitBatch(answer);
        for (int i = 0; i <= 2_000; i++)
        {
            batch.onNext(limit("big-" + i, Side.SIDE_BUY, "x", "0.01"));
        }
        batch.onCompleted();

        assertThat(answer.end().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(answer.end().getDescription()).isEqualTo("a batch holds at most 2000 orders");
    }

    /**
     * An execution stream of the trader's account, registered by the time this returns: the trader gets an
     * open order first, and the stream, asked to start with the open orders, has reported it.
     */
    private static Received<ExecutionReport> streamExecutions(final Trader trader)
    {
        place(trader, limit(ANCHOR, Side.SIDE_BUY, "27500", "0.01"));
        final Received<ExecutionReport> stream = new Received<>();
        trader.ordersAsync.streamExecutions(StreamExecutionsRequest.newBuilder().setIncludeOpenOrders(true).build(), stream);
        assertThat(stream.next().getClientOrderId()).isEqualTo(ANCHOR);
        return stream;
    }

    private static List<BatchResult> submitBatch(final Trader trader, final List<SubmitOrderRequest> orders)
    {
        final Received<SubmitBatchResponse> answer = new Received<>();
        final StreamObserver<SubmitOrderRequest> batch = trader.ordersAsync.submitBatch(answer);
        orders.forEach(batch::onNext);
        batch.onCompleted();
        return answer.next().getResultsList();
    }

    private static OrdersGrpc.OrdersStub authorized(final OrdersGrpc.OrdersStub stub, final Trader trader)
    {
        final Metadata headers = new Metadata();
        headers.put(AuthInterceptor.AUTHORIZATION, "Bearer " + trader.key.key());
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** A client that asks for {@code count} messages and then reads no more, until told to read the rest. */
    private static final class StoppedReader<T> implements ClientResponseObserver<StreamExecutionsRequest, T>
    {
        final Received<T> received = new Received<>();
        private final int count;
        private volatile ClientCallStreamObserver<StreamExecutionsRequest> call;

        StoppedReader(final int count)
        {
            this.count = count;
        }

        @Override
        public void beforeStart(final ClientCallStreamObserver<StreamExecutionsRequest> call)
        {
            this.call = call;
            call.disableAutoRequestWithInitial(count);
        }

        /** Reads on: what the transport holds for it, and then how the stream ended. */
        void readTheRest()
        {
            call.request(Integer.MAX_VALUE);
        }

        @Override
        public void onNext(final T message)
        {
            received.onNext(message);
        }

        @Override
        public void onError(final Throwable error)
        {
            received.onError(error);
        }

        @Override
        public void onCompleted()
        {
            received.onCompleted();
        }
    }
}
