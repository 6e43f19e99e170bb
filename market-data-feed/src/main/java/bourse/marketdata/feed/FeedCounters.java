package bourse.marketdata.feed;

import io.aeron.Aeron;
import io.aeron.Counter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The feed's Aeron counters, in the media driver's CnC file so that {@code bourse stat} and AeronStat
 * show them live. Written by the feed thread only.
 */
public final class FeedCounters implements AutoCloseable
{
    /** Type ids, distinct from Aeron's and the engine's (21xx). */
    public static final int EVENTS_IN_TYPE_ID = 2201;
    public static final int INCREMENTALS_OUT_TYPE_ID = 2202;
    public static final int SNAPSHOTS_OUT_TYPE_ID = 2203;
    public static final int BACK_PRESSURE_TYPE_ID = 2204;
    public static final int PENDING_BYTES_TYPE_ID = 2205;
    public static final int EVENT_STREAM_PAUSES_TYPE_ID = 2206;
    public static final int UNSUBSCRIBED_TYPE_ID = 2207;
    public static final int ERRORS_TYPE_ID = 2208;

    private final Counter eventsIn;
    private final Counter incrementalsOut;
    private final Counter snapshotsOut;
    private final Counter backPressure;
    private final Counter pendingBytes;
    private final Counter eventStreamPauses;
    private final Counter unsubscribed;
    private final Counter errors;

    FeedCounters(final Aeron aeron)
    {
        eventsIn = aeron.addCounter(EVENTS_IN_TYPE_ID, "Bourse feed: engine events applied");
        incrementalsOut = aeron.addCounter(INCREMENTALS_OUT_TYPE_ID, "Bourse feed: incremental messages published");
        snapshotsOut = aeron.addCounter(SNAPSHOTS_OUT_TYPE_ID, "Bourse feed: snapshots published");
        backPressure = aeron.addCounter(BACK_PRESSURE_TYPE_ID, "Bourse feed: offers back-pressured");
        pendingBytes = aeron.addCounter(PENDING_BYTES_TYPE_ID, "Bourse feed: incremental bytes waiting to be published");
        eventStreamPauses = aeron.addCounter(EVENT_STREAM_PAUSES_TYPE_ID, "Bourse feed: pauses of the engine event stream");
        unsubscribed = aeron.addCounter(UNSUBSCRIBED_TYPE_ID, "Bourse feed: incremental messages with no subscriber");
        errors = aeron.addCounter(ERRORS_TYPE_ID, "Bourse feed: errors");
    }

    /** Engine events the feed applied (assets, instruments, status changes, book changes, trades). */
    public AtomicCounter eventsIn()
    {
        return eventsIn;
    }

    /** Incremental messages the publication took. */
    public AtomicCounter incrementalsOut()
    {
        return incrementalsOut;
    }

    /** Snapshots the publication took. */
    public AtomicCounter snapshotsOut()
    {
        return snapshotsOut;
    }

    /** Offers refused because the publication was back-pressured or the driver busy; retried. */
    public AtomicCounter backPressure()
    {
        return backPressure;
    }

    /** Incremental bytes encoded and not yet taken by the publication. */
    public AtomicCounter pendingBytes()
    {
        return pendingBytes;
    }

    /** Times the feed stopped taking engine events because too much waited to be published. */
    public AtomicCounter eventStreamPauses()
    {
        return eventStreamPauses;
    }

    /**
     * Incremental messages not sent because no consumer was subscribed at all: nobody missed them, and a
     * consumer that subscribes later starts from snapshots.
     */
    public AtomicCounter unsubscribed()
    {
        return unsubscribed;
    }

    /** Errors reported to the feed's error handler. */
    public AtomicCounter errors()
    {
        return errors;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(eventsIn, incrementalsOut, snapshotsOut, backPressure, pendingBytes, eventStreamPauses,
            unsubscribed, errors);
    }
}
