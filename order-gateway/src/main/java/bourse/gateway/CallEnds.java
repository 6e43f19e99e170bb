package bourse.gateway;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Starts a call so that something runs exactly once when it ends, with the status it ended with, however it
 * ends: closed by the service, or cancelled by the client (a cancelled call may still be closed by the
 * service, or be closed and then reported cancelled). For interceptors that keep account of open calls.
 */
final class CallEnds
{
    private CallEnds()
    {
    }

    static <Q, R> ServerCall.Listener<Q> startCall(
        final ServerCall<Q, R> call, final Metadata headers, final ServerCallHandler<Q, R> next, final Consumer<Status> onEnd)
    {
        final AtomicBoolean ended = new AtomicBoolean();
        final Consumer<Status> once = status ->
        {
            if (ended.compareAndSet(false, true))
            {
                onEnd.accept(status);
            }
        };
        final ServerCall<Q, R> closing = new SimpleForwardingServerCall<>(call)
        {
            @Override
            public void close(final Status status, final Metadata trailers)
            {
                once.accept(status);
                super.close(status, trailers);
            }
        };
        return new SimpleForwardingServerCallListener<>(next.startCall(closing, headers))
        {
            @Override
            public void onCancel()
            {
                once.accept(Status.CANCELLED);
                super.onCancel();
            }
        };
    }
}
