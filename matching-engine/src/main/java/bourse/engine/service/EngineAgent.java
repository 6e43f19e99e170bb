package bourse.engine.service;

import bourse.engine.MatchingEngine;
import io.aeron.ControlledFragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

/**
 * The engine's duty cycle, and its sequencer. Each cycle first offers any events still pending; only
 * when none are left does it poll commands. Each command is then, in order:
 * <ol>
 *     <li>answered without being applied if it is a resend (its correlation id is not above its source's
 *     last one) or too short to carry a sequence: see {@link UnsequencedRejects};</li>
 *     <li>copied and stamped with the next sequence number and the cycle's time;</li>
 *     <li>handed to the {@link CommandLog}, then recorded in the {@link LastCorrelationIds};</li>
 *     <li>applied by the engine, whose events go to the {@link EventPublisher}.</li>
 * </ol>
 * Group commit: when the command log groups commits ({@link CommandLog#beginGroup()}, the journal does),
 * a poll is one group. The events of its commands are held, not offered; once the poll is over the log
 * commits the group (input journal, then output journal) and only then are the held events offered. So
 * nothing is published whose command is not durable, and a poll costs one commit instead of one per
 * command. A poll stops early once the held events reach {@code maxHeldEventBytes}, which bounds what
 * waits in memory.
 * <p>
 * When the event publication refuses events they stay pending and no command is polled until they are
 * out (without group commit the poll stops at once: the rest of the fragments stay in the
 * subscription), so the engine takes no input until its output can leave.
 */
final class EngineAgent implements Agent, ControlledFragmentHandler
{
    private final Subscription commands;
    private final ControlledFragmentAssembler commandAssembler = new ControlledFragmentAssembler(this);
    private final int commandFragmentLimit;
    private final int maxHeldEventBytes;
    private final MatchingEngine engine;
    private final EventPublisher events;
    private final UnsequencedRejects unsequencedRejects;
    private final CommandLog commandLog;
    private final LastCorrelationIds lastCorrelationIds;
    private final EpochNanoClock clock;
    private final EngineCounters counters;
    private final ErrorHandler errorHandler;
    private final ExpandableArrayBuffer command = new ExpandableArrayBuffer(256);
    private long cycleTimestampNs;
    private boolean grouped;

    EngineAgent(
        final Subscription commands,
        final int commandFragmentLimit,
        final int maxHeldEventBytes,
        final MatchingEngine engine,
        final EventPublisher events,
        final CommandLog commandLog,
        final LastCorrelationIds lastCorrelationIds,
        final EpochNanoClock clock,
        final EngineCounters counters,
        final ErrorHandler errorHandler)
    {
        this.commands = commands;
        this.commandFragmentLimit = commandFragmentLimit;
        this.maxHeldEventBytes = maxHeldEventBytes;
        this.engine = engine;
        this.events = events;
        this.unsequencedRejects = new UnsequencedRejects(events);
        this.commandLog = commandLog;
        this.cycleTimestampNs = commandLog.lastTimestampNs();
        this.lastCorrelationIds = lastCorrelationIds;
        this.clock = clock;
        this.counters = counters;
        this.errorHandler = errorHandler;
    }

    @Override
    public int doWork()
    {
        try
        {
            // Never backwards, even if the wall clock is set back, before a restart too (the floor starts at
            // the journal's last timestamp): the journal's timestamps stay ordered.
            cycleTimestampNs = Math.max(cycleTimestampNs, clock.nanoTime());
            int work = events.publishPending();
            if (!events.hasPending())
            {
                work += pollCommands();
            }
            updateJournalLag();
            return work;
        }
        catch (final RuntimeException ex)
        {
            errorHandler.onError(ex);
            return 1;
        }
    }

    /** One poll of commands; with group commit, committed as one group before its events are offered. */
    private int pollCommands()
    {
        grouped = commandLog.beginGroup();
        if (!grouped)
        {
            return commands.controlledPoll(commandAssembler, commandFragmentLimit);
        }
        events.hold();
        try
        {
            return commands.controlledPoll(commandAssembler, commandFragmentLimit);
        }
        finally
        {
            grouped = false;
            // Should the commit throw, the events stay held: the engine then takes no more input.
            commandLog.commitGroup();
            events.release();
            events.publishPending();
        }
    }

    /** Committed to the input journal, from the first sequence still pending on: 0 once everything is out. */
    private void updateJournalLag()
    {
        final long firstPendingSequence = events.firstPendingSequence();
        final long lag = firstPendingSequence == 0 ? 0 : counters.inputJournalPosition().get() - firstPendingSequence + 1;
        counters.journalLag().setRelease(Math.max(0, lag));
    }

    @Override
    public Action onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        // Held events wait for the group's commit; any other pending event was refused: stop taking input.
        if (!grouped && events.hasPending())
        {
            return Action.ABORT;
        }
        counters.commandsIn().incrementRelease();
        if (!CommandFrames.canCarrySequence(buffer, offset, length))
        {
            unsequencedRejects.tooShort(buffer, offset, length, cycleTimestampNs);
            return Action.CONTINUE;
        }
        if (lastCorrelationIds.isResend(buffer, offset, length))
        {
            counters.duplicates().incrementRelease();
            unsequencedRejects.duplicate(buffer, offset, length, cycleTimestampNs);
            return Action.CONTINUE;
        }
        command.putBytes(0, buffer, offset, length);
        CommandFrames.stamp(command, 0, engine.lastSequence() + 1, cycleTimestampNs);
        commandLog.onSequenced(command, 0, length);
        lastCorrelationIds.onSequenced(command, 0, length);
        engine.onCommand(command, 0, length);
        commandLog.onApplied(engine);
        return grouped && events.pendingLength() >= maxHeldEventBytes ? Action.BREAK : Action.CONTINUE;
    }

    @Override
    public String roleName()
    {
        return "bourse-engine";
    }
}
