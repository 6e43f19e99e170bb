package bourse.perf.engine;

import bourse.perf.LatencyPercentiles;
import bourse.perf.OpenLoop;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopLatencyHarnessTest
{
    @Test
    void shouldRecordOneLatencyPerCommandWithOrderedPercentiles()
    {
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(3, 20_000);
        final Histogram histogram = OpenLoop.newHistogram();
        final Histogram service = OpenLoop.newHistogram();

        new OpenLoopLatencyHarness(workload).run(1_000_000, histogram, service);
        final LatencyPercentiles latency = new LatencyPercentiles(1_000_000, histogram);

        assertThat(latency.count()).isEqualTo(20_000);
        assertThat(latency.p50Ns()).isPositive();
        assertThat(latency.p90Ns()).isGreaterThanOrEqualTo(latency.p50Ns());
        assertThat(latency.p99Ns()).isGreaterThanOrEqualTo(latency.p90Ns());
        assertThat(latency.p999Ns()).isGreaterThanOrEqualTo(latency.p99Ns());
        assertThat(latency.p9999Ns()).isGreaterThanOrEqualTo(latency.p999Ns());
        assertThat(latency.maxNs()).isGreaterThanOrEqualTo(latency.p9999Ns());
        assertThat(service.getTotalCount()).isEqualTo(20_000);
        assertThat(service.getValueAtPercentile(50)).isPositive().isLessThanOrEqualTo(latency.p50Ns());
    }

    @Test
    void shouldChargeEachCommandTheWaitBehindEveryCommandBeforeIt()
    {
        // Offered one command per nanosecond, every command is late and waits for all before it: the last
        // one's latency covers the service times of them all. A closed loop, which coordinated omission
        // amounts to, would instead report each command's own service time.
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(3, 20_000);
        final Histogram latency = OpenLoop.newHistogram();
        final Histogram service = OpenLoop.newHistogram();

        new OpenLoopLatencyHarness(workload).run(1_000_000_000, latency, service);

        final double allServiceNs = service.getMean() * service.getTotalCount();
        final double allIntervalsNs = 20_000;
        assertThat((double)latency.getMaxValue()).isGreaterThan(0.99 * allServiceNs - allIntervalsNs);
        for (final double percentile : new double[] {50, 90, 99, 99.9})
        {
            assertThat(latency.getValueAtPercentile(percentile)).isGreaterThanOrEqualTo(service.getValueAtPercentile(percentile));
        }
    }
}
