package bourse.gateway;

import bourse.v1.CancelAllResponse;
import bourse.v1.CancelOrderResponse;
import bourse.v1.ExecutionReport;
import bourse.v1.Heartbeat;
import bourse.v1.ReplaceOrderResponse;
import bourse.v1.RequestRejected;
import bourse.v1.SessionOptions;
import bourse.v1.SessionRequest;
import bourse.v1.SessionResponse;
import bourse.v1.SessionStarted;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code OrderSession} stream. Requests are read and checked on gRPC's thread and handed to the agent;
 * what comes back (the reports of the orders the session placed and of the changes it asked for, the
 * engine's refusals, errors, heartbeats) leaves through a bounded {@link OutboundStream} in the order the
 * agent produced it. A request the gateway refuses is answered with a {@code RequestError} and the
 * session goes on.
 * <p>
 * The session ends when the client closes its side, cancels, or goes silent for three heartbeat intervals,
 * or when it reads so slowly that its buffer overflows; with cancel-on-disconnect, the agent then cancels
 * every open order the session placed, including those whose submit was still on its way.
 */
final class SessionCall implements StreamObserver<SessionRequest>
{
    static final long MIN_HEARTBEAT_INTERVAL_MS = 100;
    static final long MAX_HEARTBEAT_INTERVAL_MS = 60_000;
    /** Heartbeat intervals of silence from the client after which the session ends. */
    static final int MISSED_HEARTBEATS = 3;
    private static final AtomicLong SESSION_IDS = new AtomicLong();

    private final Caller caller;
    private final Intake intake;
    private final OutboundStream<SessionResponse> out;
    private final long sessionId = SESSION_IDS.incrementAndGet();
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean started;
    private volatile boolean cancelOnDisconnect;
    private volatile long heartbeatIntervalNs;
    private volatile long lastReceivedNs;

    SessionCall(
        final Caller caller, final Intake intake, final StreamObserver<SessionResponse> responses, final int bufferCapacity)
    {
        this.caller = caller;
        this.intake = intake;
        this.out = new OutboundStream<>((ServerCallStreamObserver<SessionResponse>)responses, bufferCapacity,
            OutboundStream.Overflow.FAIL, intake.clock);
        this.out.onEnd(() -> end(null));
        this.lastReceivedNs = intake.clock.nanoTime();
    }

    long accountId()
    {
        return caller.accountId();
    }

    boolean cancelsOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    boolean hasEnded()
    {
        return ended.get();
    }

    // ---------------------------------------------------------------- from the client (gRPC thread)

    @Override
    public void onNext(final SessionRequest request)
    {
        lastReceivedNs = intake.clock.nanoTime();
        if (!started)
        {
            started = true;
            final boolean withOptions = request.hasOptions();
            try
            {
                start(withOptions ? request.getOptions() : SessionOptions.getDefaultInstance());
            }
            catch (final RequestException ex)
            {
                end(ex.status());
                return;
            }
            if (withOptions)
            {
                return;
            }
        }
        final long requestId = request.getRequestId();
        try
        {
            switch (request.getRequestCase())
            {
                case SUBMIT -> submit(requestId, request);
                case CANCEL -> cancel(requestId, request);
                case REPLACE -> replace(requestId, request);
                case CANCEL_ALL -> cancelAll(requestId, request);
                case HEARTBEAT ->
                {
                }
                case OPTIONS -> throw RequestException.invalid("options", "only as the first message of the session");
                default -> throw RequestException.invalid("request", "one of submit, cancel, replace, cancel_all or heartbeat");
            }
        }
        catch (final RequestException ex)
        {
            out.offer(SessionResponse.newBuilder().setRequestId(requestId).setError(ex.toRequestError()).build());
        }
    }

    /** The client cancelled or the connection broke. */
    @Override
    public void onError(final Throwable cause)
    {
        end(null);
    }

    /** The client closed its side: the session ends once what waits for it has been sent. */
    @Override
    public void onCompleted()
    {
        end(Status.OK);
    }

    private void start(final SessionOptions options)
    {
        final long intervalMs = options.getHeartbeatIntervalMs();
        if (intervalMs != 0 && (intervalMs < MIN_HEARTBEAT_INTERVAL_MS || intervalMs > MAX_HEARTBEAT_INTERVAL_MS))
        {
            throw RequestException.invalid("options.heartbeat_interval_ms",
                "0 (none) or between " + MIN_HEARTBEAT_INTERVAL_MS + " and " + MAX_HEARTBEAT_INTERVAL_MS);
        }
        cancelOnDisconnect = options.getCancelOnDisconnect();
        heartbeatIntervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        intake.control(router ->
        {
            router.addSession(this);
            return true;
        });
        out.offer(SessionResponse.newBuilder().setStarted(SessionStarted.newBuilder()
            .setSessionId(sessionId)
            .setCancelOnDisconnect(cancelOnDisconnect)
            .setHeartbeatIntervalMs((int)intervalMs)).build());
    }

    private void submit(final long requestId, final SessionRequest request)
    {
        intake.spendToken(caller);
        final OrderParameters order = OrderParameters.parse(request.getSubmit(), intake.catalog);
        final long deadlineNs = intake.commandDeadlineNs();
        final Outcome<SubmitResult> outcome = new Answer<>(requestId)
        {
            public void succeed(final SubmitResult result)
            {
                // Reports of the session's own submit reached it as they happened; a retry gets the order.
                if (result.replayed())
                {
                    report(result.report(), requestId);
                }
            }
        };
        intake.enqueue(router -> router.submit(caller.accountId(), order, this, requestId, outcome, deadlineNs));
    }

    private void cancel(final long requestId, final SessionRequest request)
    {
        intake.spendToken(caller);
        final OrderRef order = OrderRef.of(request.getCancel());
        final long deadlineNs = intake.commandDeadlineNs();
        final Outcome<CancelOrderResponse> outcome = new Answer<>(requestId)
        {
            public void succeed(final CancelOrderResponse response)
            {
                rejected(requestId, response.getRejectReasonValue(), response.getReport(), response.getEngineSequence());
            }
        };
        intake.enqueue(router -> router.cancel(
            caller.accountId(), order.orderId(), order.clientOrderId(), this, requestId, outcome, deadlineNs));
    }

    private void replace(final long requestId, final SessionRequest request)
    {
        intake.spendToken(caller);
        final OrderRef order = OrderRef.of(request.getReplace());
        final String price = required(request.getReplace().getPrice(), "replace.price");
        final String quantity = required(request.getReplace().getQuantity(), "replace.quantity");
        final long deadlineNs = intake.commandDeadlineNs();
        final Outcome<ReplaceOrderResponse> outcome = new Answer<>(requestId)
        {
            public void succeed(final ReplaceOrderResponse response)
            {
                rejected(requestId, response.getRejectReasonValue(), response.getReport(), response.getEngineSequence());
            }
        };
        intake.enqueue(router -> router.replace(caller.accountId(), order.orderId(), order.clientOrderId(), price,
            quantity, this, requestId, outcome, deadlineNs));
    }

    private void cancelAll(final long requestId, final SessionRequest request)
    {
        intake.spendToken(caller);
        final String symbol = request.getCancelAll().getInstrument();
        final int instrumentId = symbol.isEmpty() ? 0 : intake.catalog.require(symbol, "cancel_all.instrument").instrumentId();
        final long deadlineNs = intake.commandDeadlineNs();
        final Outcome<CancelAllResponse> outcome = new Answer<>(requestId)
        {
            public void succeed(final CancelAllResponse response)
            {
                out.offer(SessionResponse.newBuilder().setRequestId(requestId).setCancelAll(response).build());
            }
        };
        intake.enqueue(router -> router.cancelAll(caller.accountId(), instrumentId, this, requestId, outcome, deadlineNs));
    }

    static String required(final String decimal, final String field)
    {
        if (decimal.isEmpty())
        {
            throw RequestException.invalid(field, "required");
        }
        return decimal;
    }

    // ---------------------------------------------------------------- to the client (agent thread)

    /** An execution report of an order of the session, or caused by its request {@code requestId} (else 0). */
    void report(final ExecutionReport report, final long requestId)
    {
        out.offer(SessionResponse.newBuilder().setRequestId(requestId).setReport(report).build());
    }

    /** Heartbeats: one out after an interval of silence; the end after three intervals of silence in. */
    int onTimer(final long nowNs)
    {
        final long intervalNs = heartbeatIntervalNs;
        if (intervalNs == 0 || ended.get())
        {
            return 0;
        }
        if (nowNs - lastReceivedNs > MISSED_HEARTBEATS * intervalNs)
        {
            end(Status.UNAVAILABLE.withDescription("nothing from the client for " + MISSED_HEARTBEATS +
                " heartbeat intervals (" + TimeUnit.NANOSECONDS.toMillis(MISSED_HEARTBEATS * intervalNs) + " ms)"));
            return 1;
        }
        if (nowNs - out.lastSentNs() >= intervalNs)
        {
            out.offer(SessionResponse.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build());
            return 1;
        }
        return 0;
    }

    private void rejected(final long requestId, final int rejectReason, final ExecutionReport order, final long sequence)
    {
        // An applied cancel or replace reached the session as reports; a refused one changed nothing.
        if (rejectReason != 0)
        {
            out.offer(SessionResponse.newBuilder().setRequestId(requestId).setRejected(RequestRejected.newBuilder()
                .setRejectReasonValue(rejectReason)
                .setOrderId(order.getOrderId())
                .setClientOrderId(order.getClientOrderId())
                .setEngineSequence(sequence)).build());
        }
    }

    /**
     * Ends the session once, from whichever thread notices first.
     *
     * @param status null when the client is gone, OK to complete the stream normally, else the error to end it with.
     */
    private void end(final Status status)
    {
        if (!ended.compareAndSet(false, true))
        {
            return;
        }
        if (status != null && status.isOk())
        {
            out.complete();
        }
        else if (status != null)
        {
            out.fail(status);
        }
        intake.control(router ->
        {
            router.removeSession(this);
            return true;
        });
    }

    /** The answer to one request: an error goes back as a {@code RequestError} with the request's id. */
    private abstract class Answer<T> implements Outcome<T>
    {
        private final long requestId;

        Answer(final long requestId)
        {
            this.requestId = requestId;
        }

        @Override
        public void fail(final Status status)
        {
            out.offer(SessionResponse.newBuilder().setRequestId(requestId)
                .setError(RequestException.requestError(status, 0)).build());
        }
    }
}
