package bourse.engine.service;

import org.agrona.CloseHelper;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine service on a data directory, snapshotting every {@link #SNAPSHOT_EVERY} commands, and a
 * client of it; stopped and started again on the same directory and clock, as a restart does.
 */
final class JournaledService implements AutoCloseable
{
    static final long SNAPSHOT_EVERY = 10;

    private final Path data;
    private final int sourceId;
    private final AtomicLong clockNs = new AtomicLong(1_700_000_000_000_000_000L);
    private long correlationFloor;
    EngineService service;
    EngineTestClient client;

    JournaledService(final Path data, final int sourceId)
    {
        this.data = data;
        this.sourceId = sourceId;
    }

    void start()
    {
        service = EngineService.launch(EngineServiceTest.udpContext("1m")
            .dataDirectory(data)
            .snapshotEveryCommands(SNAPSHOT_EVERY)
            .clock(clockNs::incrementAndGet));
        // The correlation ids carry on from the wall clock's scale, so a restarted client never reuses one,
        // even after the clock was set back.
        client = new EngineTestClient(service.context().aeronDirectoryName(), service.context(), sourceId,
            Math.max(clockNs.get(), correlationFloor));
        client.awaitConnected();
    }

    /** Sets the clock back, as an operator or NTP might between a stop and a start. */
    void setClockBack(final long byNs)
    {
        clockNs.addAndGet(-byNs);
    }

    /** A client and its event stream, both connected. */
    EventStream connectedEvents()
    {
        final EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        return events;
    }

    @Override
    public void close()
    {
        if (client != null)
        {
            correlationFloor = client.proxy.nextCorrelationId();
        }
        CloseHelper.closeAll(client, service);
        client = null;
        service = null;
    }
}
