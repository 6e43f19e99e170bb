package bourse.gateway;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Counts every call of the server as it starts and ends, by status, and its messages both ways
 * ({@link GatewayCounters}). Outermost, so that the calls the authentication refuses are counted too.
 */
final class CallCounting implements ServerInterceptor
{
    private final GatewayCounters counters;

    CallCounting(final GatewayCounters counters)
    {
        this.counters = counters;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        final ServerCall<Q, R> call, final Metadata headers, final ServerCallHandler<Q, R> next)
    {
        counters.callsStarted().increment();
        counters.callsOpen().increment();
        final ServerCall<Q, R> counted = new SimpleForwardingServerCall<>(call)
        {
            @Override
            public void sendMessage(final R message)
            {
                counters.messagesSent().increment();
                super.sendMessage(message);
            }
        };
        return new SimpleForwardingServerCallListener<>(CallEnds.startCall(counted, headers, next, this::end))
        {
            @Override
            public void onMessage(final Q message)
            {
                counters.messagesReceived().increment();
                super.onMessage(message);
            }
        };
    }

    private void end(final Status status)
    {
        counters.callsOpen().decrement();
        counters.callsEnded(status.getCode()).increment();
    }
}
