package bourse.gateway;

import bourse.engine.EventSink;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineProxy;
import bourse.engine.client.JournalCatchUp;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import org.agrona.concurrent.NanoClock;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The gateway's one thread: the only user of the {@link EngineProxy} (which is not thread safe) and of the
 * order state. Each duty cycle it notices the engine link coming or going, reads the engine's events,
 * sends cancels on disconnect, runs the tasks gRPC threads queued, keeps session heartbeats and polls the
 * market-data client.
 * <p>
 * Requests wait in a bounded queue: when it is full, calls are refused (UNAVAILABLE) rather than piling
 * up. A request the engine cannot take yet (back pressure) is run again on the next cycle, and those
 * behind it wait, so that requests reach the engine in the order they came. Control tasks (streams and
 * sessions beginning and ending) take an unbounded queue of their own: their number is bounded by the
 * calls, and a session's end, which may cancel its orders, must never be refused. Queueing either wakes
 * the agent thread if it is parked by its idle strategy, so that a request waits for no park to end.
 */
final class GatewayAgent implements Agent
{
    private static final int EVENT_FRAGMENT_LIMIT = 64;
    private static final int REQUESTS_PER_CYCLE = 256;
    private static final long TIMER_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Subscription events;
    private final EngineProxy proxy;
    private final OrderRouter router;
    private final NanoClock clock;
    private final IntSupplier marketData;
    private final Consumer<Boolean> connectionListener;
    private final JournalCatchUp catchUp;
    private final GatewayCounters counters;
    private final FragmentHandler eventHandler;
    private final ManyToOneConcurrentArrayQueue<AgentTask> requests;
    private final ManyToOneConcurrentLinkedQueue<AgentTask> control = new ManyToOneConcurrentLinkedQueue<>();
    private AgentTask stalled;
    private long nextTimerNs;
    private volatile boolean connected;
    private volatile Thread thread;

    /**
     * @param outputJournal      the engine's output journal, to learn what the engine published before the
     *                           gateway started ({@link #catchUp()}); null to learn from the live stream only.
     * @param counters           written on this thread: the engine side of the gateway's counters.
     * @param marketData         polled every cycle when not null; returns the work done.
     * @param connectionListener told on this thread whenever the engine link comes up (true) or goes down.
     */
    GatewayAgent(
        final Subscription events,
        final EngineProxy proxy,
        final OrderRouter router,
        final Path outputJournal,
        final GatewayCounters counters,
        final NanoClock clock,
        final int requestQueueCapacity,
        final IntSupplier marketData,
        final Consumer<Boolean> connectionListener)
    {
        this.events = events;
        this.proxy = proxy;
        this.router = router;
        this.counters = counters;
        this.clock = clock;
        this.marketData = marketData;
        this.connectionListener = connectionListener;
        this.requests = new ManyToOneConcurrentArrayQueue<>(requestQueueCapacity);
        final EngineEventAdapter adapter = new EngineEventAdapter(router);
        final EventSink engineEvents = (buffer, offset, length) ->
        {
            adapter.onEvents(buffer, offset, length);
            router.onEndOfMessage();
            counters.engineEventMessages().incrementRelease();
        };
        this.catchUp = outputJournal == null ? null : new JournalCatchUp(outputJournal, engineEvents);
        final EventSink liveEvents = catchUp == null ? engineEvents : catchUp;
        this.eventHandler = new FragmentAssembler((buffer, offset, length, header) -> liveEvents.onEvents(buffer, offset, length));
    }

    /**
     * Reads what the engine published before now from its output journal, if the gateway has it: API keys,
     * instruments and orders. Called once, before the agent runs, on the thread that starts the gateway,
     * so that a damaged journal stops the start. Returns the commands read.
     */
    long catchUp()
    {
        if (catchUp == null)
        {
            return 0;
        }
        final long commands = catchUp.catchUp();
        catchUp.releaseThread();
        return commands;
    }

    /** Whether an engine takes commands and its events arrive: until then commands are refused. */
    boolean isConnected()
    {
        return connected;
    }

    /** Whether commands the agent sent still wait for the engine's events; agent thread. */
    boolean awaitsEngine()
    {
        return router.pendingCount() > 0;
    }

    /** Queues a request; false when the queue is full. Any thread. */
    boolean offerRequest(final AgentTask task)
    {
        if (!requests.offer(task))
        {
            return false;
        }
        wake();
        return true;
    }

    /** Queues a control task, which is never refused. Any thread. */
    void offerControl(final AgentTask task)
    {
        control.offer(task);
        wake();
    }

    @Override
    public void onStart()
    {
        thread = Thread.currentThread();
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        final boolean linkUp = proxy.isConnected() && events.isConnected();
        if (linkUp != connected)
        {
            connected = linkUp;
            router.onConnectionChanged(linkUp);
            connectionListener.accept(linkUp);
            work++;
        }
        work += events.poll(eventHandler, EVENT_FRAGMENT_LIMIT);
        work += router.sendCancelsOnDisconnect();
        work += runControlTasks();
        work += runRequests();
        if (nowNs - nextTimerNs >= 0)
        {
            nextTimerNs = nowNs + TIMER_INTERVAL_NS;
            work += router.onTimer(nowNs);
        }
        if (marketData != null)
        {
            work += marketData.getAsInt();
        }
        counters.commandsSent().setRelease(router.commandsSent());
        counters.commandsAwaitingEngine().setRelease(router.pendingCount());
        counters.apiKeys().setRelease(router.apiKeyCount());
        return work;
    }

    /** Refuses what is still queued: the link is down for good. */
    @Override
    public void onClose()
    {
        connected = false;
        router.onConnectionChanged(false);
        if (stalled != null)
        {
            stalled.run(router);
            stalled = null;
        }
        runControlTasks();
        requests.drain(task -> task.run(router));
        CloseHelper.quietClose(catchUp);
    }

    @Override
    public String roleName()
    {
        return "order-gateway";
    }

    /**
     * Ends the agent's park, if it is parked: the backoff strategy parks for up to a millisecond, and even
     * its shortest park lasts about 60 µs on Linux (the timer slack), which a request would otherwise wait.
     * Unparking a thread that is not parked only lets its next park return at once.
     */
    private void wake()
    {
        final Thread agentThread = thread;
        if (agentThread != null)
        {
            LockSupport.unpark(agentThread);
        }
    }

    private int runControlTasks()
    {
        int done = 0;
        for (AgentTask task = control.poll(); task != null; task = control.poll())
        {
            task.run(router);
            done++;
        }
        return done;
    }

    private int runRequests()
    {
        int done = 0;
        if (stalled != null)
        {
            if (!stalled.run(router))
            {
                counters.commandsBackPressured().incrementRelease();
                return 0;
            }
            stalled = null;
            done++;
        }
        while (done < REQUESTS_PER_CYCLE)
        {
            final AgentTask task = requests.poll();
            if (task == null)
            {
                break;
            }
            if (!task.run(router))
            {
                counters.commandsBackPressured().incrementRelease();
                stalled = task;
                break;
            }
            done++;
        }
        return done;
    }
}
