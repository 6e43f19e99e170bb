package bourse.engine.reference;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shrinks a failing command stream to a short one that still fails, by delta debugging: cut everything after
 * the first failing step, pin the steps that aim at open orders or at the last price to what they aimed at
 * (so that taking an unrelated step out cannot re-aim them), then remove ever smaller runs of steps for as
 * long as the rest still fails.
 * <p>
 * Why not jqwik's own shrinking: its generic list shrinking tries element-wise candidates for every one of
 * hundreds of stateful steps and, measured here, had not finished after 13 minutes (then ran out of heap).
 * Knowing where the first disagreement is and that any failure will do makes this one take seconds.
 */
final class StreamShrinker
{
    /** Enough to shrink any stream of the main property; a long stream stops shrinking here and says so. */
    private static final long BUDGET_NS = 60_000_000_000L;

    private StreamShrinker()
    {
    }

    /** Runs the scenario; when it fails, fails with the shortest failing stream found and its report. */
    static Lockstep.Summary runShrinkingFailures(final CommandStreams.Scenario scenario)
    {
        try
        {
            return Lockstep.run(scenario);
        }
        catch (final AssertionError | RuntimeException failure)
        {
            throw shrunk(scenario, failure);
        }
    }

    private static AssertionError shrunk(final CommandStreams.Scenario scenario, final Throwable failure)
    {
        final long deadline = System.nanoTime() + BUDGET_NS;
        List<Step> steps = scenario.steps();
        if (failure instanceof Lockstep.Disagreement disagreement && disagreement.stepIndex() >= 0)
        {
            steps = steps.subList(0, disagreement.stepIndex() + 1);
        }
        try
        {
            steps = pinned(scenario.maxOpenOrdersPerAccount(), steps);
        }
        catch (final RuntimeException referenceCrash)
        {
            // The reference itself throws on these steps: shrink them as they are.
        }
        boolean finished = true;
        int chunk = Math.max(1, steps.size() / 2);
        while (finished)
        {
            boolean removedAny = false;
            int start = 0;
            while (start < steps.size())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    finished = false;
                    break;
                }
                final List<Step> candidate = new ArrayList<>(steps.subList(0, start));
                candidate.addAll(steps.subList(Math.min(steps.size(), start + chunk), steps.size()));
                if (failureOf(new CommandStreams.Scenario(scenario.maxOpenOrdersPerAccount(), candidate)) != null)
                {
                    steps = candidate;
                    removedAny = true;
                }
                else
                {
                    start += chunk;
                }
            }
            if (chunk == 1 && !removedAny)
            {
                break;
            }
            chunk = Math.max(1, chunk / 2);
        }
        final CommandStreams.Scenario shrunk = new CommandStreams.Scenario(scenario.maxOpenOrdersPerAccount(), steps);
        return new AssertionError("failing stream shrunk from " + scenario.steps().size() + " to " + steps.size() +
            " steps" + (finished ? "" : " (shrinking stopped at its time limit)") + ":\n" + shrunk + "\n\n" +
            failureOf(shrunk).getMessage(), failure);
    }

    /**
     * The steps with their aims fixed as they fell when run in this order from the start: a stop at the price
     * it got, a cancel or an amend at the order of the step that placed it.
     */
    private static List<Step> pinned(final int maxOpenOrdersPerAccount, final List<Step> steps)
    {
        final Step.Context context = new Step.Context(new ReferenceEngine(maxOpenOrdersPerAccount));
        long sequence = 0;
        for (final Commands.Builder<?> command : CommandStreams.setup())
        {
            context.venue().onCommand(command.build(++sequence));
        }
        final Map<Long, Step> placingSteps = new HashMap<>();
        final List<Step> pinned = new ArrayList<>();
        for (final Step step : steps)
        {
            final Step pinnedStep;
            if (step instanceof Step.AtOpenOrder aimed)
            {
                final ReferenceEngine.OpenOrder target = aimed.target(context.venue());
                pinnedStep = target == null ? step : new Step.AtOrderPlacedBy(
                    placingSteps.get(target.orderId()), aimed.aim(), aimed.ticks(), aimed.lots());
            }
            else
            {
                pinnedStep = step instanceof Step.StopNearLast ? new Step.Fixed(step.command(context)) : step;
            }
            final List<EngineEvent> events =
                context.venue().onCommand(pinnedStep.command(context).build(++sequence));
            Lockstep.recordPlacedOrder(context, pinnedStep, events);
            events.stream()
                .filter(EngineEvent.OrderAccepted.class::isInstance)
                .forEach(accepted -> placingSteps.put(((EngineEvent.OrderAccepted)accepted).orderId(), pinnedStep));
            pinned.add(pinnedStep);
        }
        return pinned;
    }

    private static Throwable failureOf(final CommandStreams.Scenario scenario)
    {
        try
        {
            Lockstep.run(scenario);
            return null;
        }
        catch (final AssertionError | RuntimeException failure)
        {
            return failure;
        }
    }
}
