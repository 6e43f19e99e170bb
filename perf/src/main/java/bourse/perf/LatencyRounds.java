package bourse.perf;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Open-loop latency runs of several kinds of round trip (a raw ping-pong and the Bourse round trips
 * compared with it) at one offered rate, in rounds: each round runs every kind once, starting one kind
 * further along than the round before (for two kinds: A then B, B then A, ...), so that all kinds meet
 * the same moods of a shared machine.
 */
public final class LatencyRounds
{
    private final List<Kind> kinds;
    private final OpenLoop schedule;

    /** One kind of round trip: its name in progress lines, its harness, and what it records. */
    public record Kind(String name, RoundTripHarness harness, RoundTripLatency latency)
    {
    }

    /** The kinds, in the order the first round runs them, at {@code ratePerSecond}. */
    public LatencyRounds(final List<Kind> kinds, final long ratePerSecond)
    {
        this.kinds = List.copyOf(kinds);
        this.schedule = new OpenLoop(ratePerSecond);
    }

    /**
     * Every kind pipelined ({@code 10 × requests} with at most {@code window} unanswered), so that every
     * path is compiled, then {@code requests} of each open loop at the offered rate; nothing kept.
     */
    public void warmUp(final int requests, final int window, final PrintStream progress)
    {
        final long pipelined = requests * 10L;
        progress.printf(Locale.ROOT, "warm-up: %,d of each of %s pipelined, then %,d of each open loop at %,d/s%n",
            pipelined, names(), requests, schedule.ratePerSecond());
        for (final Kind kind : kinds)
        {
            kind.harness().measureThroughput(pipelined, window);
        }
        final RoundTripLatency discarded = new RoundTripLatency();
        for (final Kind kind : kinds)
        {
            kind.harness().measureLatency(requests, schedule, discarded);
        }
    }

    /** {@code requests} of each kind, measured open loop in {@code rounds} rounds, with a progress line every tenth. */
    public void measure(final int requests, final int rounds, final PrintStream progress)
    {
        for (int round = 0; round < rounds; round++)
        {
            final int share = share(requests, round, rounds);
            for (int i = 0; i < kinds.size(); i++)
            {
                final Kind kind = kinds.get((round + i) % kinds.size());
                kind.harness().measureLatency(share, schedule, kind.latency());
            }
            if ((round + 1) % Math.max(1, rounds / 10) == 0)
            {
                progress.printf(Locale.ROOT, "round %d/%d at %,d/s: %s so far%n", round + 1, rounds, schedule.ratePerSecond(),
                    kinds.stream().map(kind -> String.format(Locale.ROOT, "%s p50 %,d ns p99 %,d ns", kind.name(),
                        kind.latency().fromScheduledAt(50), kind.latency().fromScheduledAt(99))).collect(Collectors.joining(", ")));
            }
        }
    }

    /** Round {@code round}'s share of {@code total} split into {@code rounds} as evenly as whole numbers go. */
    static int share(final int total, final int round, final int rounds)
    {
        return (int)((long)total * (round + 1) / rounds - (long)total * round / rounds);
    }

    private String names()
    {
        return kinds.stream().map(Kind::name).collect(Collectors.joining(", "));
    }
}
