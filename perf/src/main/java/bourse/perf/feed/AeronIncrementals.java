package bourse.perf.feed;

import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataChannels;
import bourse.marketdata.feed.Outbox;
import bourse.perf.AeronWait;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The feed's incremental messages through a real Aeron publication, offered as the feed offers them
 * (in order from the outbox's head until one is refused, the rest left for the next duty cycle), to a
 * subscriber on a thread of its own that takes and counts them, and nothing more, as fast as they come.
 * A pass is over once the subscriber has every message: with {@code fc=min}, a subscriber falling
 * behind holds the publisher back, so the figure is what is sustained end to end.
 */
final class AeronIncrementals implements FeedThroughputHarness.IncrementalSink, AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 256;

    private final ExclusivePublication publication;
    private final AgentRunner subscriberRunner;
    private final Counter counter;
    private final long stallTimeoutNs;
    private long publishedBefore;
    private long backPressure;

    /** Publishes on {@code channel} with {@code aeron}; subscribes with a channel of its own to it, as a client would. */
    AeronIncrementals(final Aeron aeron, final String channel, final int streamId, final long stallTimeoutNs)
    {
        this.stallTimeoutNs = stallTimeoutNs;
        publication = aeron.addExclusivePublication(channel, streamId);
        counter = new Counter(aeron.addSubscription(MarketDataChannels.subscriptionChannel(channel), streamId));
        subscriberRunner = new AgentRunner(SmallMachineAeron.backoffIdleStrategy(), Throwable::printStackTrace, null, counter);
        AgentRunner.startOnThread(subscriberRunner);
        AeronWait.until("the incremental subscriber to connect", stallTimeoutNs, publication::isConnected);
    }

    int maxMessageLength()
    {
        return publication.maxMessageLength();
    }

    /** Offers the publication refused because the subscriber or the driver had not caught up. */
    long backPressure()
    {
        return backPressure;
    }

    @Override
    public void startPass()
    {
        publishedBefore = counter.received.get();
    }

    @Override
    public int publish(final Outbox outbox)
    {
        int published = 0;
        while (!outbox.isEmpty())
        {
            final long result = publication.offer(outbox.buffer(), outbox.headOffset(), outbox.headLength());
            if (result > 0)
            {
                outbox.removeHead();
                published++;
            }
            else if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
            {
                backPressure++;
                break;
            }
            else
            {
                throw new IllegalStateException("the incremental publication refuses: " + Publication.errorString(result));
            }
        }
        return published;
    }

    @Override
    public void awaitConsumed(final long messages)
    {
        AeronWait.until("the subscriber to take every incremental", stallTimeoutNs,
            () -> counter.received.get() - publishedBefore >= messages);
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(subscriberRunner, publication);
    }

    /** Takes and counts every message, on the subscriber's thread. */
    private static final class Counter implements Agent
    {
        private final Subscription subscription;
        private final AtomicLong received = new AtomicLong();
        private final FragmentHandler onMessage =
            new FragmentAssembler((buffer, offset, length, header) -> received.lazySet(received.get() + 1));

        Counter(final Subscription subscription)
        {
            this.subscription = subscription;
        }

        @Override
        public int doWork()
        {
            return subscription.poll(onMessage, FRAGMENT_LIMIT);
        }

        @Override
        public void onClose()
        {
            subscription.close();
        }

        @Override
        public String roleName()
        {
            return "bourse-feed-bench-subscriber";
        }
    }
}
