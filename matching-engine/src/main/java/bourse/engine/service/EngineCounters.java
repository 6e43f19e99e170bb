package bourse.engine.service;

import io.aeron.Aeron;
import io.aeron.Counter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The engine service's Aeron counters, allocated in the media driver's CnC file so that any tool
 * reading it (AeronStat, later {@code bourse stat}) sees them live. Written by the engine thread only.
 */
public final class EngineCounters implements AutoCloseable
{
    /** Type ids of the counters, distinct from Aeron's own, so that readers can find them by type. */
    public static final int COMMANDS_IN_TYPE_ID = 2101;
    public static final int EVENTS_OUT_TYPE_ID = 2102;
    public static final int REJECTS_TYPE_ID = 2103;
    public static final int DUPLICATES_TYPE_ID = 2104;
    public static final int BACK_PRESSURE_TYPE_ID = 2105;
    public static final int ERRORS_TYPE_ID = 2106;

    private final Counter commandsIn;
    private final Counter eventsOut;
    private final Counter rejects;
    private final Counter duplicates;
    private final Counter backPressure;
    private final Counter errors;

    EngineCounters(final Aeron aeron)
    {
        commandsIn = aeron.addCounter(COMMANDS_IN_TYPE_ID, "Bourse engine: commands in");
        eventsOut = aeron.addCounter(EVENTS_OUT_TYPE_ID, "Bourse engine: events out");
        rejects = aeron.addCounter(REJECTS_TYPE_ID, "Bourse engine: commands rejected");
        duplicates = aeron.addCounter(DUPLICATES_TYPE_ID, "Bourse engine: resent commands not applied again");
        backPressure = aeron.addCounter(BACK_PRESSURE_TYPE_ID, "Bourse engine: event offers back-pressured");
        errors = aeron.addCounter(ERRORS_TYPE_ID, "Bourse engine: errors");
    }

    /** Frames received on the command stream, applied or not. */
    public AtomicCounter commandsIn()
    {
        return commandsIn;
    }

    /** Events published on the event stream. */
    public AtomicCounter eventsOut()
    {
        return eventsOut;
    }

    /** {@code CommandRejected} events published: the engine's rejects and the service's own. */
    public AtomicCounter rejects()
    {
        return rejects;
    }

    /** Resends recognised by their correlation id and answered without being applied. */
    public AtomicCounter duplicates()
    {
        return duplicates;
    }

    /**
     * Offers of events that did not go through (back-pressured, driver busy, or no consumer connected):
     * while any are pending the engine takes no new command.
     */
    public AtomicCounter backPressure()
    {
        return backPressure;
    }

    /** Errors reported to the service's error handler. */
    public AtomicCounter errors()
    {
        return errors;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(commandsIn, eventsOut, rejects, duplicates, backPressure, errors);
    }
}
