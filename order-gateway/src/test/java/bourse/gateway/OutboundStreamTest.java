package bourse.gateway;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream's flow control and overflow policies, against a call whose readiness the test decides: gRPC's
 * transport stands in for a client that reads or stops reading (the other tests use a real one).
 */
class OutboundStreamTest
{
    private final Call call = new Call();
    private final AtomicInteger ends = new AtomicInteger();

    @Test
    void shouldSendAtOnceWhileTheCallIsReadyAndBufferWhileItIsNot()
    {
        final OutboundStream<String> stream = stream(3, OutboundStream.Overflow.FAIL);

        stream.offer("a");
        call.ready = false;
        stream.offer("b");
        stream.offer("c");
        assertThat(call.sent).containsExactly("a");

        call.becomeReady();
        assertThat(call.sent).containsExactly("a", "b", "c");
    }

    @Test
    void shouldEndTheStreamWithResourceExhaustedWhenReportsOverflow()
    {
        final OutboundStream<String> stream = stream(2, OutboundStream.Overflow.FAIL);
        call.ready = false;
        stream.offer("a");
        stream.offer("b");

        assertThat(stream.offer("c")).isFalse();

        assertThat(call.status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(call.status.getDescription()).isEqualTo("the client read too slowly: 2 messages were waiting for it");
        assertThat(ends).hasValue(1);
        assertThat(stream.offer("d")).isFalse();
        call.becomeReady();
        assertThat(call.sent).as("what waited is dropped with the stream").isEmpty();
    }

    @Test
    void shouldDropWhatWaitsWhenAResettableStreamOverflowsAndTakeMessagesAgainOnceThereIsRoom()
    {
        final OutboundStream<String> stream = stream(2, OutboundStream.Overflow.RESET);
        call.ready = false;
        stream.offer("update-1");
        stream.offer("update-2");

        assertThat(stream.offer("update-3")).isFalse();
        assertThat(stream.hasRoom()).isTrue();
        assertThat(stream.offer("snapshot")).isTrue();
        call.becomeReady();

        assertThat(call.sent).containsExactly("snapshot");
        assertThat(stream.isEnded()).isFalse();
    }

    @Test
    void shouldKeepOnlyTheLatestWhenTheCallIsNotReady()
    {
        final OutboundStream<String> stream = stream(1, OutboundStream.Overflow.KEEP_LATEST);
        call.ready = false;
        stream.offer("ticker-1");
        stream.offer("ticker-2");
        stream.offer("ticker-3");

        call.becomeReady();

        assertThat(call.sent).containsExactly("ticker-3");
    }

    @Test
    void shouldCompleteOnceWhatWaitsHasBeenSent()
    {
        final OutboundStream<String> stream = stream(4, OutboundStream.Overflow.FAIL);
        call.ready = false;
        stream.offer("last words");

        stream.complete();
        assertThat(call.completed).isFalse();
        assertThat(stream.offer("too late")).isFalse();
        call.becomeReady();

        assertThat(call.sent).containsExactly("last words");
        assertThat(call.completed).isTrue();
        assertThat(ends).hasValue(1);
    }

    @Test
    void shouldEndOnceWhenTheClientCancels()
    {
        final OutboundStream<String> stream = stream(4, OutboundStream.Overflow.FAIL);

        call.cancel();
        stream.fail(Status.UNAVAILABLE);

        assertThat(ends).hasValue(1);
        assertThat(call.status).as("nothing is sent to a cancelled call").isNull();
        assertThat(stream.offer("x")).isFalse();
    }

    private OutboundStream<String> stream(final int capacity, final OutboundStream.Overflow overflow)
    {
        final OutboundStream<String> stream = new OutboundStream<>(call, capacity, overflow, new SystemNanoClock());
        stream.onEnd(ends::incrementAndGet);
        return stream;
    }

    /** A server call whose readiness the test sets, recording what is sent on it. */
    private static final class Call extends ServerCallStreamObserver<String>
    {
        final List<String> sent = new ArrayList<>();
        boolean ready = true;
        boolean completed;
        Status status;
        private Runnable onReady;
        private Runnable onCancel;

        void becomeReady()
        {
            ready = true;
            onReady.run();
        }

        void cancel()
        {
            onCancel.run();
        }

        @Override
        public boolean isReady()
        {
            return ready;
        }

        @Override
        public void setOnReadyHandler(final Runnable onReadyHandler)
        {
            onReady = onReadyHandler;
        }

        @Override
        public void setOnCancelHandler(final Runnable onCancelHandler)
        {
            onCancel = onCancelHandler;
        }

        @Override
        public void onNext(final String message)
        {
            sent.add(message);
        }

        @Override
        public void onError(final Throwable error)
        {
            status = Status.fromThrowable(error);
        }

        @Override
        public void onCompleted()
        {
            completed = true;
        }

        @Override
        public boolean isCancelled()
        {
            return false;
        }

        @Override
        public void setCompression(final String compression)
        {
        }

        @Override
        public void disableAutoInboundFlowControl()
        {
        }

        @Override
        public void request(final int count)
        {
        }

        @Override
        public void setMessageCompression(final boolean enable)
        {
        }
    }
}
