package bourse.perf;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundTripHarnessTest
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

    @Test
    void shouldRecordOneLatencyPerRequestFromItsScheduledTimeAndItsLegs()
    {
        final EchoTrips trips = new EchoTrips();
        final RoundTripLatency latency = new RoundTripLatency();

        new RoundTripHarness(trips, SECOND_NS).measureLatency(2_000, new OpenLoop(100_000), latency);

        assertThat(trips.sent).isEqualTo(2_000);
        final RoundTripLatency.Percentiles percentiles = latency.percentiles(100_000);
        for (final LatencyPercentiles histogram : List.of(
            percentiles.fromScheduled(), percentiles.sendLate(), percentiles.toServer(), percentiles.fromServer()))
        {
            assertThat(histogram.count()).isEqualTo(2_000);
        }
        assertThat(latency.fromScheduledAt(50)).isPositive();
        assertThat(percentiles.fromScheduled().maxNs()).isGreaterThanOrEqualTo(percentiles.fromServer().maxNs());
    }

    @Test
    void shouldChargeEveryRequestBehindAStallTheWait()
    {
        // The first send stalls for 20 ms; at 100k/s the 2,000 requests due in those 20 ms are all late.
        // Measured from the moment each is sent, as a closed loop would, they would look fast.
        final EchoTrips trips = new EchoTrips();
        trips.stallFirstSendNs = TimeUnit.MILLISECONDS.toNanos(20);
        final RoundTripLatency latency = new RoundTripLatency();

        new RoundTripHarness(trips, SECOND_NS).measureLatency(4_000, new OpenLoop(100_000), latency);

        final RoundTripLatency.Percentiles percentiles = latency.percentiles(100_000);
        assertThat(latency.fromScheduledAt(75)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(percentiles.fromScheduled().maxNs()).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(19));
        assertThat(percentiles.sendLate().p90Ns()).as("the client's own lateness shows as such")
            .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(5));
    }

    @Test
    void shouldKeepAtMostAWindowUnansweredWhenPipelined()
    {
        final EchoTrips trips = new EchoTrips();

        final double perSecond = new RoundTripHarness(trips, SECOND_NS).measureThroughput(10_000, 16);

        assertThat(perSecond).isPositive();
        assertThat(trips.sent).isEqualTo(10_000);
        assertThat(trips.mostInFlight).isEqualTo(16);
    }

    @Test
    void shouldFailWhenNothingIsAnswered()
    {
        final EchoTrips trips = new EchoTrips();
        trips.answering = false;

        assertThatThrownBy(() -> new RoundTripHarness(trips, TimeUnit.MILLISECONDS.toNanos(50)).measureThroughput(10, 4))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing answered");
    }

    /** Answers every request at the next poll, in order. */
    private static final class EchoTrips implements RoundTrips
    {
        private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
        private long sent;
        private int mostInFlight;
        private long stallFirstSendNs;
        private boolean answering = true;

        @Override
        public void startRun()
        {
            sent = 0;
        }

        @Override
        public boolean trySend(final long index)
        {
            if (index == 0 && stallFirstSendNs > 0)
            {
                LockSupport.parkNanos(stallFirstSendNs);
            }
            inFlight.add(index);
            mostInFlight = Math.max(mostInFlight, inFlight.size());
            sent++;
            return true;
        }

        @Override
        public int poll(final Answers answers)
        {
            if (!answering)
            {
                return 0;
            }
            int work = 0;
            while (!inFlight.isEmpty())
            {
                final long nowNs = System.nanoTime();
                answers.onAnswer(inFlight.poll(), nowNs, nowNs);
                work++;
            }
            return work;
        }
    }
}
