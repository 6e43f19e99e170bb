package bourse.gateway;

import bourse.v1.BatchResult;
import bourse.v1.CancelAllRequest;
import bourse.v1.CancelAllResponse;
import bourse.v1.CancelOrderRequest;
import bourse.v1.CancelOrderResponse;
import bourse.v1.ExecutionReport;
import bourse.v1.GetOrderRequest;
import bourse.v1.GetOrderResponse;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.ListInstrumentsResponse;
import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.ListOpenOrdersResponse;
import bourse.v1.OrdersGrpc;
import bourse.v1.ReplaceOrderRequest;
import bourse.v1.ReplaceOrderResponse;
import bourse.v1.SessionRequest;
import bourse.v1.SessionResponse;
import bourse.v1.StreamExecutionsRequest;
import bourse.v1.SubmitBatchResponse;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.SubmitOrderResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bourse.v1.Orders} service. Each method reads and checks its request on gRPC's thread, answers
 * what it can at once (INVALID_ARGUMENT, RESOURCE_EXHAUSTED, UNAVAILABLE, the instrument list) and hands
 * the rest to the gateway's agent, which answers when the engine has.
 */
final class OrdersService extends OrdersGrpc.OrdersImplBase
{
    private final Intake intake;
    private final int streamBufferCapacity;
    private final int maxBatchSize;

    OrdersService(final Intake intake, final int streamBufferCapacity, final int maxBatchSize)
    {
        this.intake = intake;
        this.streamBufferCapacity = streamBufferCapacity;
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public void submitOrder(final SubmitOrderRequest request, final StreamObserver<SubmitOrderResponse> call)
    {
        final Caller caller = Caller.current();
        try
        {
            intake.spendToken(caller);
            final OrderParameters order = OrderParameters.parse(request, intake.catalog);
            final long deadlineNs = intake.commandDeadlineNs();
            final Outcome<SubmitResult> outcome = new UnaryOutcome<>(call,
                result -> SubmitOrderResponse.newBuilder().setReport(result.report()).build());
            intake.enqueue(router -> router.submit(caller.accountId(), order, null, 0, outcome, deadlineNs));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void cancelOrder(final CancelOrderRequest request, final StreamObserver<CancelOrderResponse> call)
    {
        final Caller caller = Caller.current();
        try
        {
            intake.spendToken(caller);
            final OrderRef order = OrderRef.of(request);
            final long deadlineNs = intake.commandDeadlineNs();
            final Outcome<CancelOrderResponse> outcome = new UnaryOutcome<>(call, response -> response);
            intake.enqueue(router -> router.cancel(
                caller.accountId(), order.orderId(), order.clientOrderId(), null, 0, outcome, deadlineNs));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void replaceOrder(final ReplaceOrderRequest request, final StreamObserver<ReplaceOrderResponse> call)
    {
        final Caller caller = Caller.current();
        try
        {
            intake.spendToken(caller);
            final OrderRef order = OrderRef.of(request);
            final String price = SessionCall.required(request.getPrice(), "price");
            final String quantity = SessionCall.required(request.getQuantity(), "quantity");
            final long deadlineNs = intake.commandDeadlineNs();
            final Outcome<ReplaceOrderResponse> outcome = new UnaryOutcome<>(call, response -> response);
            intake.enqueue(router -> router.replace(caller.accountId(), order.orderId(), order.clientOrderId(),
                price, quantity, null, 0, outcome, deadlineNs));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void cancelAll(final CancelAllRequest request, final StreamObserver<CancelAllResponse> call)
    {
        final Caller caller = Caller.current();
        try
        {
            intake.spendToken(caller);
            final int instrumentId = request.getInstrument().isEmpty() ? 0 :
                intake.catalog.require(request.getInstrument(), "instrument").instrumentId();
            final long deadlineNs = intake.commandDeadlineNs();
            final Outcome<CancelAllResponse> outcome = new UnaryOutcome<>(call, response -> response);
            intake.enqueue(router -> router.cancelAll(caller.accountId(), instrumentId, null, 0, outcome, deadlineNs));
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void getOrder(final GetOrderRequest request, final StreamObserver<GetOrderResponse> call)
    {
        final Caller caller = Caller.current();
        try
        {
            final OrderRef order = OrderRef.of(request);
            final Outcome<ExecutionReport> outcome = new UnaryOutcome<>(call,
                report -> GetOrderResponse.newBuilder().setReport(report).build());
            intake.enqueue(router ->
            {
                router.getOrder(caller.accountId(), order.orderId(), order.clientOrderId(), outcome);
                return true;
            });
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void listOpenOrders(final ListOpenOrdersRequest request, final StreamObserver<ListOpenOrdersResponse> call)
    {
        final Caller caller = Caller.current();
        try
        {
            final int instrumentId = request.getInstrument().isEmpty() ? 0 :
                intake.catalog.require(request.getInstrument(), "instrument").instrumentId();
            final Outcome<List<ExecutionReport>> outcome = new UnaryOutcome<>(call,
                orders -> ListOpenOrdersResponse.newBuilder().addAllOrders(orders).build());
            intake.enqueue(router ->
            {
                outcome.succeed(router.openOrders(caller.accountId(), instrumentId));
                return true;
            });
        }
        catch (final RequestException ex)
        {
            call.onError(ex.toStatusException());
        }
    }

    @Override
    public void listInstruments(final ListInstrumentsRequest request, final StreamObserver<ListInstrumentsResponse> call)
    {
        final ListInstrumentsResponse.Builder response = ListInstrumentsResponse.newBuilder();
        for (final InstrumentInfo instrument : intake.catalog.instruments())
        {
            response.addInstruments(intake.reports.instrument(instrument));
        }
        call.onNext(response.build());
        call.onCompleted();
    }

    @Override
    public StreamObserver<SessionRequest> orderSession(final StreamObserver<SessionResponse> responses)
    {
        return new SessionCall(Caller.current(), intake, responses, streamBufferCapacity);
    }

    @Override
    public void streamExecutions(final StreamExecutionsRequest request, final StreamObserver<ExecutionReport> call)
    {
        final long accountId = Caller.current().accountId();
        final OutboundStream<ExecutionReport> stream = new OutboundStream<>(
            (ServerCallStreamObserver<ExecutionReport>)call, streamBufferCapacity, OutboundStream.Overflow.FAIL, intake.clock);
        final boolean withOpenOrders = request.getIncludeOpenOrders();
        intake.attach(stream, router -> router.addExecutionStream(accountId, stream, withOpenOrders),
            router -> router.removeExecutionStream(accountId, stream));
    }

    @Override
    public StreamObserver<SubmitOrderRequest> submitBatch(final StreamObserver<SubmitBatchResponse> call)
    {
        return new BatchCall(Caller.current(), call);
    }

    /**
     * One {@code SubmitBatch}: each order is checked and queued as it arrives; the results are sent in
     * request order once the client has half-closed and every order has its answer.
     */
    private final class BatchCall implements StreamObserver<SubmitOrderRequest>
    {
        private final Caller caller;
        private final StreamObserver<SubmitBatchResponse> call;
        private final List<BatchResult> results = new ArrayList<>();
        private int unanswered;
        private boolean halfClosed;
        private boolean over;

        BatchCall(final Caller caller, final StreamObserver<SubmitBatchResponse> call)
        {
            this.caller = caller;
            this.call = call;
        }

        @Override
        public synchronized void onNext(final SubmitOrderRequest request)
        {
            if (over)
            {
                return;
            }
            if (results.size() == maxBatchSize)
            {
                over = true;
                call.onError(Status.INVALID_ARGUMENT.withDescription(
                    "a batch holds at most " + maxBatchSize + " orders").asRuntimeException());
                return;
            }
            final int index = results.size();
            results.add(null);
            try
            {
                intake.spendToken(caller);
                final OrderParameters order = OrderParameters.parse(request, intake.catalog);
                final long deadlineNs = intake.commandDeadlineNs();
                final Outcome<SubmitResult> outcome = new Outcome<>()
                {
                    public void succeed(final SubmitResult result)
                    {
                        answer(index, BatchResult.newBuilder().setReport(result.report()).build());
                    }

                    public void fail(final Status status)
                    {
                        answer(index, BatchResult.newBuilder().setError(RequestException.requestError(status, 0)).build());
                    }
                };
                intake.enqueue(router -> router.submit(caller.accountId(), order, null, 0, outcome, deadlineNs));
                // The agent's answer waits for this call's lock, so it cannot come before the count.
                unanswered++;
            }
            catch (final RequestException ex)
            {
                results.set(index, BatchResult.newBuilder().setError(ex.toRequestError()).build());
            }
        }

        @Override
        public void onError(final Throwable cause)
        {
            synchronized (this)
            {
                over = true;
            }
        }

        @Override
        public synchronized void onCompleted()
        {
            halfClosed = true;
            finishIfAnswered();
        }

        private synchronized void answer(final int index, final BatchResult result)
        {
            results.set(index, result);
            unanswered--;
            finishIfAnswered();
        }

        private void finishIfAnswered()
        {
            if (halfClosed && unanswered == 0 && !over)
            {
                over = true;
                try
                {
                    call.onNext(SubmitBatchResponse.newBuilder().addAllResults(results).build());
                    call.onCompleted();
                }
                catch (final RuntimeException callAlreadyGone)
                {
                    // The client cancelled: nobody is listening any more.
                }
            }
        }
    }
}
