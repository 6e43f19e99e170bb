package bourse.perf.feed;

import bourse.perf.LatencyPercentiles;
import bourse.perf.OpenLoop;
import org.HdrHistogram.Histogram;

/**
 * What an open-loop run of the feed records, in nanoseconds, per engine batch that changes the book:
 * its latency from its scheduled time to the client's book update, the one that counts; and the two
 * parts it is made of: how late the batch was published (published minus due, the harness's own
 * lateness) and the way from its publication to the client's book update (event stream, feed,
 * incremental stream, client). Accumulates over runs.
 */
final class FeedLatency
{
    final Histogram fromScheduled = OpenLoop.newHistogram();
    final Histogram publishLate = OpenLoop.newHistogram();
    final Histogram fromPublished = OpenLoop.newHistogram();

    /** Records one batch: due, published and seen in the client's book, in {@link System#nanoTime()} terms. */
    void record(final long dueNs, final long publishedNs, final long bookUpdatedNs)
    {
        OpenLoop.record(fromScheduled, bookUpdatedNs - dueNs);
        OpenLoop.record(publishLate, publishedNs - dueNs);
        OpenLoop.record(fromPublished, bookUpdatedNs - publishedNs);
    }

    /** The percentiles of each, for a run at {@code ratePerSecond}. */
    Percentiles percentiles(final long ratePerSecond)
    {
        return new Percentiles(
            new LatencyPercentiles(ratePerSecond, fromScheduled),
            new LatencyPercentiles(ratePerSecond, publishLate),
            new LatencyPercentiles(ratePerSecond, fromPublished));
    }

    /** The percentiles of a {@link FeedLatency}. */
    record Percentiles(LatencyPercentiles fromScheduled, LatencyPercentiles publishLate, LatencyPercentiles fromPublished)
    {
    }
}
