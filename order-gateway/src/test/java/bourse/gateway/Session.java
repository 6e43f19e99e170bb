package bourse.gateway;

import bourse.v1.CancelOrderRequest;
import bourse.v1.ExecutionReport;
import bourse.v1.Heartbeat;
import bourse.v1.SessionOptions;
import bourse.v1.SessionRequest;
import bourse.v1.SessionResponse;
import bourse.v1.SubmitOrderRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import static org.assertj.core.api.Assertions.assertThat;

/** A test's {@code OrderSession}: requests go out through {@link #send}, responses wait in {@link #responses}. */
final class Session
{
    final Received<SessionResponse> responses = new Received<>();
    private ClientCallStreamObserver<SessionRequest> requests;

    private Session()
    {
    }

    /** Opens a session with these options and checks that it started with them. */
    static Session open(final Trader trader, final SessionOptions options)
    {
        final Session session = new Session();
        trader.ordersAsync.orderSession(new ClientResponseObserver<SessionRequest, SessionResponse>()
        {
            public void beforeStart(final ClientCallStreamObserver<SessionRequest> requestStream)
            {
                session.requests = requestStream;
            }

            public void onNext(final SessionResponse response)
            {
                session.responses.onNext(response);
            }

            public void onError(final Throwable error)
            {
                session.responses.onError(error);
            }

            public void onCompleted()
            {
                session.responses.onCompleted();
            }
        });
        session.send(SessionRequest.newBuilder().setOptions(options).build());
        final SessionResponse started = session.responses.next();
        assertThat(started.hasStarted()).as("starts with SessionStarted: %s", started).isTrue();
        assertThat(started.getStarted().getCancelOnDisconnect()).isEqualTo(options.getCancelOnDisconnect());
        assertThat(started.getStarted().getHeartbeatIntervalMs()).isEqualTo(options.getHeartbeatIntervalMs());
        return session;
    }

    void send(final SessionRequest request)
    {
        synchronized (this)
        {
            requests.onNext(request);
        }
    }

    void submit(final long requestId, final SubmitOrderRequest order)
    {
        send(SessionRequest.newBuilder().setRequestId(requestId).setSubmit(order).build());
    }

    void cancel(final long requestId, final long orderId)
    {
        send(SessionRequest.newBuilder().setRequestId(requestId)
            .setCancel(CancelOrderRequest.newBuilder().setOrderId(orderId)).build());
    }

    void heartbeat()
    {
        send(SessionRequest.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build());
    }

    /** The next execution report, skipping heartbeats. */
    ExecutionReport nextReport()
    {
        return responses.next(SessionResponse::hasReport).getReport();
    }

    /** The connection drops, as far as the gateway can tell: the client cancels the call. */
    void drop()
    {
        requests.cancel("the test drops the session", null);
    }

    /** The client says it has nothing more to send. */
    void close()
    {
        requests.onCompleted();
    }
}
