package bourse.gateway;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client stream received, in order, and how it ended: a test's end of a server stream. */
final class Received<T> implements StreamObserver<T>
{
    private final LinkedBlockingQueue<T> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Status> end = new CompletableFuture<>();

    @Override
    public void onNext(final T message)
    {
        messages.add(message);
    }

    @Override
    public void onError(final Throwable error)
    {
        end.complete(Status.fromThrowable(error));
    }

    @Override
    public void onCompleted()
    {
        end.complete(Status.OK);
    }

    /** The next message, waiting for it up to {@link Venue#PATIENCE}. */
    T next()
    {
        try
        {
            final T message = messages.poll(Venue.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s (the stream ended with %s)", Venue.PATIENCE, end.getNow(null))
                .isNotNull();
            return message;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** The next message that matches, skipping the others. */
    T next(final Predicate<T> wanted)
    {
        while (true)
        {
            final T message = next();
            if (wanted.test(message))
            {
                return message;
            }
        }
    }

    /** The next {@code count} messages. */
    List<T> next(final int count)
    {
        final List<T> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            taken.add(next());
        }
        return taken;
    }

    /** What arrived and has not been taken yet, without waiting. */
    List<T> waiting()
    {
        final List<T> taken = new ArrayList<>();
        messages.drainTo(taken);
        return taken;
    }

    /** How the stream ended, waiting for it up to {@link Venue#PATIENCE}. */
    Status end()
    {
        return end.orTimeout(Venue.PATIENCE.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean hasEnded()
    {
        return end.isDone();
    }
}
