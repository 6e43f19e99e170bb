package bourse.perf.aeron;

import bourse.engine.client.EngineChannels;
import bourse.engine.service.SmallMachineAeron;
import bourse.perf.AeronWait;
import bourse.perf.RoundTrips;
import io.aeron.Aeron;
import io.aeron.ControlledFragmentAssembler;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The raw transport the order round trip is compared with: a ping of the order command's length on a
 * channel like the engine's command channel, echoed by a pong thread on a channel like the engine's
 * event channel, through the same media driver. The pong thread idles as the engine thread does and,
 * like it, reads the clock once per duty cycle, copies each message it takes and stamps the copy with
 * that time, publishes on an exclusive publication and stops polling while its publication refuses;
 * the ping side claims and commits as {@code EngineProxy} does. What is left between the two round
 * trips is the engine service's own work: sequencing, journaling, matching, encoding events.
 */
final class PingPong implements RoundTrips, AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 256;
    private static final int INDEX_OFFSET = 0;
    private static final int TAKEN_UP_OFFSET = INDEX_OFFSET + Long.BYTES;

    private final Aeron aeron;
    private final Publication pings;
    private final Subscription pongs;
    private final AgentRunner pongRunner;
    private final int messageLength;
    private final BufferClaim claim = new BufferClaim();
    private final FragmentAssembler pongAssembler = new FragmentAssembler(this::onPong);
    private Answers answers;
    private long runFirstPing;
    private long lastPingSent = -1;

    /**
     * Starts the pong thread and the ping client, both on the media driver on {@code aeronDirectoryName}.
     *
     * @param pingChannel   where pings go: a channel shaped like the engine's command channel.
     * @param pongChannel   where pongs come back: a channel shaped like the engine's event channel.
     * @param idleStrategy  how the pong thread idles: the engine thread's strategy.
     */
    PingPong(
        final String aeronDirectoryName,
        final long livenessTimeoutNs,
        final String pingChannel,
        final int pingStreamId,
        final String pongChannel,
        final int pongStreamId,
        final int messageLength,
        final IdleStrategy idleStrategy)
    {
        if (messageLength < TAKEN_UP_OFFSET + Long.BYTES)
        {
            throw new IllegalArgumentException(
                "a ping carries its index and the pong a time: messageLength must be at least 16: " + messageLength);
        }
        this.messageLength = messageLength;
        aeron = Aeron.connect(SmallMachineAeron.clientContext(aeronDirectoryName, livenessTimeoutNs));
        pongRunner = new AgentRunner(idleStrategy, Throwable::printStackTrace, null, new Ponger(
            aeron.addSubscription(pingChannel, pingStreamId), aeron.addExclusivePublication(pongChannel, pongStreamId)));
        AgentRunner.startOnThread(pongRunner);
        pings = aeron.addPublication(pingChannel, pingStreamId);
        pongs = aeron.addSubscription(EngineChannels.eventSubscriptionChannel(pongChannel), pongStreamId);
    }

    /** Waits until the pong thread takes pings and its pongs reach this side. */
    void awaitConnected(final long timeoutNs)
    {
        AeronWait.until("the ping-pong channels to connect", timeoutNs, () -> pings.isConnected() && pongs.isConnected());
    }

    @Override
    public void startRun()
    {
        runFirstPing = lastPingSent + 1;
    }

    @Override
    public boolean trySend(final long index)
    {
        final long result = pings.tryClaim(messageLength, claim);
        if (result > 0)
        {
            claim.buffer().putLong(claim.offset() + INDEX_OFFSET, runFirstPing + index);
            claim.commit();
            lastPingSent = runFirstPing + index;
            return true;
        }
        if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
        {
            return false;
        }
        throw new IllegalStateException("cannot send a ping: " + Publication.errorString(result));
    }

    @Override
    public int poll(final Answers answers)
    {
        this.answers = answers;
        return pongs.poll(pongAssembler, FRAGMENT_LIMIT);
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(pongRunner, aeron);
    }

    private void onPong(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long ping = buffer.getLong(offset + INDEX_OFFSET);
        if (ping >= runFirstPing)
        {
            answers.onAnswer(ping - runFirstPing, buffer.getLong(offset + TAKEN_UP_OFFSET), System.nanoTime());
        }
    }

    /**
     * Echoes every ping, stamped with the time of the duty cycle that took it up; while the pong
     * publication refuses, leaves the pings where they are, as the engine does.
     */
    private static final class Ponger implements Agent, ControlledFragmentHandler
    {
        private final Subscription pings;
        private final ExclusivePublication pongs;
        private final ControlledFragmentAssembler pingAssembler = new ControlledFragmentAssembler(this);
        private final UnsafeBuffer pong = new UnsafeBuffer(new byte[1024]);
        private long cycleNs;

        Ponger(final Subscription pings, final ExclusivePublication pongs)
        {
            this.pings = pings;
            this.pongs = pongs;
        }

        @Override
        public int doWork()
        {
            cycleNs = System.nanoTime();
            return pings.controlledPoll(pingAssembler, FRAGMENT_LIMIT);
        }

        @Override
        public Action onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (pong.capacity() < length)
            {
                pong.wrap(new byte[length]);
            }
            pong.putBytes(0, buffer, offset, length);
            pong.putLong(TAKEN_UP_OFFSET, cycleNs);
            final long result = pongs.offer(pong, 0, length);
            if (result > 0)
            {
                return Action.CONTINUE;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("the pong publication refuses every offer: " + Publication.errorString(result));
            }
            return Action.ABORT;
        }

        @Override
        public String roleName()
        {
            return "bourse-pong";
        }
    }
}
