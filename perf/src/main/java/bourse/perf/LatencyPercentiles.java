package bourse.perf;

import org.HdrHistogram.Histogram;

/** Latency percentiles of one open-loop run at one offered rate, in nanoseconds. */
public final class LatencyPercentiles
{
    private final long offeredRatePerSecond;
    private final long count;
    private final long p50Ns;
    private final long p90Ns;
    private final long p99Ns;
    private final long p999Ns;
    private final long p9999Ns;
    private final long maxNs;

    public LatencyPercentiles(final long offeredRatePerSecond, final Histogram histogram)
    {
        this.offeredRatePerSecond = offeredRatePerSecond;
        this.count = histogram.getTotalCount();
        this.p50Ns = histogram.getValueAtPercentile(50);
        this.p90Ns = histogram.getValueAtPercentile(90);
        this.p99Ns = histogram.getValueAtPercentile(99);
        this.p999Ns = histogram.getValueAtPercentile(99.9);
        this.p9999Ns = histogram.getValueAtPercentile(99.99);
        this.maxNs = histogram.getMaxValue();
    }

    public long offeredRatePerSecond()
    {
        return offeredRatePerSecond;
    }

    /** Commands measured. */
    public long count()
    {
        return count;
    }

    public long p50Ns()
    {
        return p50Ns;
    }

    public long p90Ns()
    {
        return p90Ns;
    }

    public long p99Ns()
    {
        return p99Ns;
    }

    public long p999Ns()
    {
        return p999Ns;
    }

    public long p9999Ns()
    {
        return p9999Ns;
    }

    public long maxNs()
    {
        return maxNs;
    }
}
