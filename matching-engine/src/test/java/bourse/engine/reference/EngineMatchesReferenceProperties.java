package bourse.engine.reference;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching engine against the {@link ReferenceEngine} on long random command streams (every command,
 * order type, time in force and option, live and unknown orders, stops, icebergs, STP, halts, malformed
 * input): for every command the two must emit the same events, field by field and in order, and their
 * canonical state dumps must match. Each stream also runs through a second engine, which must write the
 * same bytes and end with the same state hash, and the money must add up after every command.
 * <p>
 * A failure names the first command where things went wrong, the events of both, the commands before it and
 * both states, for the shortest failing stream that {@link StreamShrinker} finds (jqwik's own shrinking is off:
 * see there why). jqwik's seed in the report replays the original stream.
 */
class EngineMatchesReferenceProperties
{
    @Property(tries = 1_000, shrinking = ShrinkingMode.OFF)
    void engineShouldMatchReferenceOnEveryCommand(@ForAll("streams") final CommandStreams.Scenario scenario)
    {
        collect(StreamShrinker.runShrinkingFailures(scenario), 50);
    }

    /** Edge cases off: jqwik's edge case for a long list is one command 20 000 times over. */
    @Property(tries = 4, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void engineShouldMatchReferenceOnLongStreams(@ForAll("longStreams") final CommandStreams.Scenario scenario)
    {
        collect(StreamShrinker.runShrinkingFailures(scenario), 1_000);
    }

    /** The property can only find bugs in rules its streams reach: hold the generators to every one of them. */
    @Example
    void generatedStreamsShouldReachEveryRule()
    {
        final RandomGenerator<CommandStreams.Scenario> generator = streams().generator(1_000);
        final Random random = new Random(20_261_125L);
        final RuleCoverage coverage = new RuleCoverage();
        for (int i = 0; i < 20; i++)
        {
            final CommandStreams.Scenario scenario = generator.next(random).value();
            final Step.Context context = new Step.Context(new ReferenceEngine(scenario.maxOpenOrdersPerAccount()));
            final List<Step> steps = scenario.withSetup();
            for (int sequence = 1; sequence <= steps.size(); sequence++)
            {
                coverage.record(context.venue().onCommand(steps.get(sequence - 1).command(context).build(sequence)));
            }
        }
        assertThat(coverage.missing()).as("rules no generated stream reached").isEmpty();
    }

    /** Shows in jqwik's report that the streams trade, rather than being rejected wholesale. */
    private static void collect(final Lockstep.Summary summary, final long bucket)
    {
        Statistics.label("orders accepted").collect(summary.ordersAccepted() / bucket * bucket + "+");
        Statistics.label("trades").collect(summary.trades() / bucket * bucket + "+");
    }

    @Provide
    Arbitrary<CommandStreams.Scenario> streams()
    {
        return CommandStreams.scenarios(450, 500);
    }

    @Provide
    Arbitrary<CommandStreams.Scenario> longStreams()
    {
        return CommandStreams.deepBookScenarios(20_000);
    }
}
