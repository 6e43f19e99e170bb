package bourse.perf.engine;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopLatencyHarnessTest
{
    @Test
    void shouldRecordOneLatencyPerCommandWithOrderedPercentiles()
    {
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(3, 20_000);
        final Histogram histogram = OpenLoopLatencyHarness.newHistogram();
        final Histogram service = OpenLoopLatencyHarness.newHistogram();

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
    void shouldChargeAStalledCommandAndEveryCommandQueuedBehindIt()
    {
        // At a rate no engine can meet, commands fall ever further behind their due times, and the
        // open-loop harness must show that as latencies growing with the backlog.
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(3, 20_000);
        final Histogram histogram = OpenLoopLatencyHarness.newHistogram();
        final Histogram service = OpenLoopLatencyHarness.newHistogram();

        new OpenLoopLatencyHarness(workload).run(1_000_000_000, histogram, service);

        assertThat(histogram.getMaxValue()).isGreaterThan(10 * histogram.getValueAtPercentile(1));
        assertThat(histogram.getValueAtPercentile(50)).isGreaterThan(10 * service.getValueAtPercentile(50));
    }
}
