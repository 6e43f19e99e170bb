package bourse.gateway;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.util.function.Function;

/** Answers a unary call: one response and completion, or an error status. */
final class UnaryOutcome<T, R> implements Outcome<T>
{
    private final StreamObserver<R> call;
    private final Function<T, R> response;

    UnaryOutcome(final StreamObserver<R> call, final Function<T, R> response)
    {
        this.call = call;
        this.response = response;
    }

    @Override
    public void succeed(final T value)
    {
        final R answer = response.apply(value);
        try
        {
            call.onNext(answer);
            call.onCompleted();
        }
        catch (final RuntimeException callAlreadyGone)
        {
            // Cancelled by the client or past its deadline: nobody is listening any more.
        }
    }

    @Override
    public void fail(final Status status)
    {
        try
        {
            call.onError(status.asRuntimeException());
        }
        catch (final RuntimeException callAlreadyGone)
        {
            // As above.
        }
    }
}
