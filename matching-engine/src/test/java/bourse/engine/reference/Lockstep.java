package bourse.engine.reference;

import bourse.engine.MatchingEngine;
import bourse.engine.testing.Command;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EventDecoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives one command stream through the reference engine and two fresh {@link MatchingEngine}s in lockstep
 * and fails, with a report a person can act on, at the first command where the engine's events differ from
 * the reference's, where the two engines differ by a single byte, or where the money stops adding up. State
 * dumps are compared every {@link #DUMP_EVERY} commands and at the end.
 */
final class Lockstep
{
    private static final int DUMP_EVERY = 50;
    private static final int RECENT_COMMANDS = 25;

    private final ReferenceEngine reference;
    private final RecordingEngine engine;
    private final RecordingEngine twin;
    private final Ledger ledger = new Ledger();
    private final List<String> history = new ArrayList<>();
    /** Which of the scenario's steps is being applied; negative during the setup. */
    private int stepIndex;

    private Lockstep(final int maxOpenOrdersPerAccount)
    {
        reference = new ReferenceEngine(maxOpenOrdersPerAccount);
        engine = new RecordingEngine(maxOpenOrdersPerAccount);
        twin = new RecordingEngine(maxOpenOrdersPerAccount);
    }

    /** What a stream amounted to, for the statistics jqwik reports. */
    record Summary(long ordersAccepted, long trades)
    {
    }

    /** Runs the venue setup and then the scenario's steps, numbering the commands 1, 2, 3... in that order. */
    static Summary run(final CommandStreams.Scenario scenario)
    {
        final List<Step> steps = scenario.withSetup();
        final Lockstep lockstep = new Lockstep(scenario.maxOpenOrdersPerAccount());
        final Step.Context context = new Step.Context(lockstep.reference);
        final int setupSteps = steps.size() - scenario.steps().size();
        for (int i = 0; i < steps.size(); i++)
        {
            lockstep.stepIndex = i - setupSteps;
            final Command command = steps.get(i).command(context).build(i + 1);
            final List<EngineEvent> events;
            try
            {
                events = lockstep.apply(command, i % DUMP_EVERY == 0 || i == steps.size() - 1);
            }
            catch (final RuntimeException crash)
            {
                lockstep.history.add(command + " -> threw " + crash);
                throw (Disagreement)lockstep.failure("an engine threw on " + command).initCause(crash);
            }
            recordPlacedOrder(context, steps.get(i), events);
        }
        lockstep.checkSameHash();
        return lockstep.summary();
    }

    /** Notes which order, if any, a step placed, for the steps that aim at it later. */
    static void recordPlacedOrder(final Step.Context context, final Step step, final List<EngineEvent> events)
    {
        events.stream()
            .filter(EngineEvent.OrderAccepted.class::isInstance)
            .map(EngineEvent.OrderAccepted.class::cast)
            .forEach(accepted -> context.orderIdsByPlacingStep().put(step, accepted.orderId()));
    }

    private List<EngineEvent> apply(final Command command, final boolean compareDumps)
    {
        final List<EngineEvent> expected = reference.onCommand(command);
        final byte[] batch = engine.apply(command);
        final byte[] twinBatch = twin.apply(command);
        final List<EngineEvent> actual = EventDecoding.decode(new UnsafeBuffer(batch), 0, batch.length);
        history.add(command + " -> " + actual.size() + " events");

        if (!expected.equals(actual))
        {
            fail("the engine and the reference disagree on " + command + "\n" + difference(expected, actual));
        }
        if (actual.isEmpty())
        {
            fail("no event for " + command);
        }
        if (!Arrays.equals(batch, twinBatch))
        {
            fail("two engines fed the same commands wrote different bytes for " + command);
        }
        final String brokenInvariant = ledger.record(actual);
        if (brokenInvariant != null)
        {
            fail(brokenInvariant);
        }
        if (compareDumps)
        {
            final String dump = engine.matchingEngine.dumpState();
            if (!dump.equals(reference.dumpState()))
            {
                fail("the state dumps differ after " + command);
            }
            final String brokenMoney = ledger.check(dump);
            if (brokenMoney != null)
            {
                fail(brokenMoney);
            }
        }
        return actual;
    }

    private void checkSameHash()
    {
        if (engine.matchingEngine.stateHash() != twin.matchingEngine.stateHash() ||
            !engine.matchingEngine.dumpState().equals(twin.matchingEngine.dumpState()))
        {
            fail("two engines fed the same commands ended in different states");
        }
    }

    private Summary summary()
    {
        final String[] counters = engine.matchingEngine.dumpState().lines().findFirst().orElseThrow().split(" ");
        return new Summary(
            Long.parseLong(counters[2].substring("nextOrderId=".length())) - 1,
            Long.parseLong(counters[3].substring("nextTradeId=".length())) - 1);
    }

    private static String difference(final List<EngineEvent> expected, final List<EngineEvent> actual)
    {
        final StringBuilder text = new StringBuilder();
        int first = 0;
        while (first < Math.min(expected.size(), actual.size()) && expected.get(first).equals(actual.get(first)))
        {
            first++;
        }
        text.append("first difference at event ").append(first).append('\n');
        text.append("reference events:\n");
        expected.forEach(event -> text.append("  ").append(event).append('\n'));
        text.append("engine events:\n");
        actual.forEach(event -> text.append("  ").append(event).append('\n'));
        return text.toString();
    }

    private void fail(final String problem)
    {
        throw failure(problem);
    }

    private Disagreement failure(final String problem)
    {
        final StringBuilder report = new StringBuilder(problem).append("\nlast commands:\n");
        history.subList(Math.max(0, history.size() - RECENT_COMMANDS), history.size())
            .forEach(line -> report.append("  ").append(line).append('\n'));
        report.append("reference state:\n").append(reference.dumpState());
        report.append("engine state:\n").append(engine.matchingEngine.dumpState());
        return new Disagreement(stepIndex, report.toString());
    }

    /** A failed check, and the index of the scenario step at which it failed. */
    static final class Disagreement extends AssertionError
    {
        private static final long serialVersionUID = 1L;

        private final int stepIndex;

        Disagreement(final int stepIndex, final String report)
        {
            super(report);
            this.stepIndex = stepIndex;
        }

        int stepIndex()
        {
            return stepIndex;
        }
    }

    /** A real engine whose event batches are kept as raw bytes, so two engines can be compared byte for byte. */
    private static final class RecordingEngine
    {
        private final MatchingEngine matchingEngine;
        private byte[] batch;

        RecordingEngine(final int maxOpenOrdersPerAccount)
        {
            matchingEngine = new MatchingEngine(new MatchingEngine.Context()
                .maxOpenOrdersPerAccount(maxOpenOrdersPerAccount)
                .eventSink((buffer, offset, length) ->
                {
                    batch = new byte[length];
                    buffer.getBytes(offset, batch);
                }));
        }

        byte[] apply(final Command command)
        {
            batch = null;
            matchingEngine.onCommand(command.buffer(), command.offset(), command.length());
            if (batch == null)
            {
                throw new AssertionError("the engine did not call its event sink for " + command);
            }
            return batch;
        }
    }
}
