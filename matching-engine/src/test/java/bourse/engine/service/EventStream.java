package bourse.engine.service;

import bourse.engine.client.EngineEventAdapter;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;

import java.util.function.Predicate;

/** A consumer of the engine's event stream in a test: a subscription decoded into a {@link RecordingListener}. */
final class EventStream
{
    private static final int FRAGMENT_LIMIT = 100;

    final Subscription subscription;
    final RecordingListener listener = new RecordingListener();
    private final FragmentAssembler assembler = new FragmentAssembler(new EngineEventAdapter(listener));

    EventStream(final Subscription subscription)
    {
        this.subscription = subscription;
    }

    int poll()
    {
        return subscription.poll(assembler, FRAGMENT_LIMIT);
    }

    /** Polls until an event matching {@code filter} has arrived; returns the first such event. */
    RecordedEvent await(final String what, final Predicate<RecordedEvent> filter)
    {
        Polling.until(what, () ->
        {
            poll();
            return listener.has(filter);
        });
        return listener.events.stream().filter(filter).findFirst().orElseThrow();
    }
}
