package bourse.engine.service;

import bourse.sbe.RejectReason;
import io.aeron.Aeron;
import io.aeron.Counter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The engine service's Aeron counters, allocated in the media driver's CnC file so that any tool
 * reading it (AeronStat, {@code bourse stat}) sees them live. Written by the engine thread only.
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
    public static final int INPUT_JOURNAL_POSITION_TYPE_ID = 2107;
    public static final int OUTPUT_JOURNAL_POSITION_TYPE_ID = 2108;
    public static final int JOURNAL_LAG_TYPE_ID = 2109;
    public static final int SNAPSHOT_SEQUENCE_TYPE_ID = 2110;
    /** One counter of this type per {@link RejectReason}, labelled with the reason's name. */
    public static final int REJECTS_BY_REASON_TYPE_ID = 2111;

    /** Reasons are uint8 on the wire: every value indexes this table; values with no counter stay null. */
    private static final int REASON_VALUES = 256;

    private final Counter commandsIn;
    private final Counter eventsOut;
    private final Counter rejects;
    private final Counter duplicates;
    private final Counter backPressure;
    private final Counter errors;
    private final Counter inputJournalPosition;
    private final Counter outputJournalPosition;
    private final Counter journalLag;
    private final Counter snapshotSequence;
    private final Counter[] rejectsByReason = new Counter[REASON_VALUES];

    EngineCounters(final Aeron aeron)
    {
        commandsIn = aeron.addCounter(COMMANDS_IN_TYPE_ID, "Bourse engine: commands in");
        eventsOut = aeron.addCounter(EVENTS_OUT_TYPE_ID, "Bourse engine: events out");
        rejects = aeron.addCounter(REJECTS_TYPE_ID, "Bourse engine: commands rejected");
        duplicates = aeron.addCounter(DUPLICATES_TYPE_ID, "Bourse engine: resent commands not applied again");
        backPressure = aeron.addCounter(BACK_PRESSURE_TYPE_ID, "Bourse engine: event offers back-pressured");
        errors = aeron.addCounter(ERRORS_TYPE_ID, "Bourse engine: errors");
        inputJournalPosition = aeron.addCounter(INPUT_JOURNAL_POSITION_TYPE_ID, "Bourse engine: input journal position");
        outputJournalPosition = aeron.addCounter(OUTPUT_JOURNAL_POSITION_TYPE_ID, "Bourse engine: output journal position");
        journalLag = aeron.addCounter(JOURNAL_LAG_TYPE_ID, "Bourse engine: journal lag (journaled, not yet published)");
        snapshotSequence = aeron.addCounter(SNAPSHOT_SEQUENCE_TYPE_ID, "Bourse engine: last snapshot sequence");
        // All up front: allocating a counter is a round trip to the driver, not for the engine thread.
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL)
            {
                rejectsByReason[reason.value()] =
                    aeron.addCounter(REJECTS_BY_REASON_TYPE_ID, "Bourse engine: rejects " + reason.name());
            }
        }
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

    /** {@code CommandRejected} events published with this reason. */
    public AtomicCounter rejects(final RejectReason reason)
    {
        if (reason == RejectReason.NULL_VAL)
        {
            throw new IllegalArgumentException("no reject has reason " + reason);
        }
        return rejectsByReason[reason.value()];
    }

    /** The counter of the reason with this wire value, or null for a value no reason has. */
    AtomicCounter rejectsByReasonValue(final int reasonValue)
    {
        return rejectsByReason[reasonValue];
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

    /** The last sequence committed to the input journal; 0 without a journal. */
    public AtomicCounter inputJournalPosition()
    {
        return inputJournalPosition;
    }

    /** The last sequence whose events are committed to the output journal; 0 without a journal. */
    public AtomicCounter outputJournalPosition()
    {
        return outputJournalPosition;
    }

    /**
     * Sequences committed to the input journal whose events are not published yet (pending: held back
     * pressure, or republished after recovery); 0 when everything journaled is out, and without a journal.
     */
    public AtomicCounter journalLag()
    {
        return journalLag;
    }

    /** The last sequence of the newest snapshot, written or recovered from; 0 before the first. */
    public AtomicCounter snapshotSequence()
    {
        return snapshotSequence;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(commandsIn, eventsOut, rejects, duplicates, backPressure, errors,
            inputJournalPosition, outputJournalPosition, journalLag, snapshotSequence);
        CloseHelper.closeAll(rejectsByReason);
    }
}
