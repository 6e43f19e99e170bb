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
 * When the event publication refuses events the poll stops (the rest of the fragments stay in the
 * subscription), so the engine takes no input until its output can leave.
 */
final class EngineAgent implements Agent, ControlledFragmentHandler
{
    private final Subscription commands;
    private final ControlledFragmentAssembler commandAssembler = new ControlledFragmentAssembler(this);
    private final int commandFragmentLimit;
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

    EngineAgent(
        final Subscription commands,
        final int commandFragmentLimit,
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
        this.engine = engine;
        this.events = events;
        this.unsequencedRejects = new UnsequencedRejects(events);
        this.commandLog = commandLog;
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
            // Never backwards, even if the wall clock is set back: the journal's timestamps stay ordered.
            cycleTimestampNs = Math.max(cycleTimestampNs, clock.nanoTime());
            int work = events.publishPending();
            if (!events.hasPending())
            {
                work += commands.controlledPoll(commandAssembler, commandFragmentLimit);
            }
            return work;
        }
        catch (final RuntimeException ex)
        {
            errorHandler.onError(ex);
            return 1;
        }
    }

    @Override
    public Action onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (events.hasPending())
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
        return Action.CONTINUE;
    }

    @Override
    public String roleName()
    {
        return "bourse-engine";
    }
}
