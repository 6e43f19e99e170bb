package bourse.perf;

import org.HdrHistogram.Histogram;

/**
 * What an open-loop run of round trips records, in nanoseconds: each request's latency from its
 * scheduled time to its answer, the one that counts; and the parts it is made of, to show where the
 * time goes: how late the client sent it, the way to the server (from the send to the server's stamp
 * on the answer), and the way back (from that stamp to the answer's arrival, the server's own work
 * included). Accumulates over runs until {@link #reset()}.
 */
public final class RoundTripLatency
{
    private final Histogram fromScheduled = OpenLoop.newHistogram();
    private final Histogram sendLate = OpenLoop.newHistogram();
    private final Histogram toServer = OpenLoop.newHistogram();
    private final Histogram fromServer = OpenLoop.newHistogram();

    /** Records one request's latency and its legs, each clamped to what the histograms track. */
    public void record(final long fromScheduledNs, final long sendLateNs, final long toServerNs, final long fromServerNs)
    {
        OpenLoop.record(fromScheduled, fromScheduledNs);
        OpenLoop.record(sendLate, sendLateNs);
        OpenLoop.record(toServer, toServerNs);
        OpenLoop.record(fromServer, fromServerNs);
    }

    public void reset()
    {
        fromScheduled.reset();
        sendLate.reset();
        toServer.reset();
        fromServer.reset();
    }

    /** Requests recorded. */
    public long count()
    {
        return fromScheduled.getTotalCount();
    }

    /** The latency from the scheduled time at {@code percentile}, so far. */
    public long fromScheduledAt(final double percentile)
    {
        return fromScheduled.getValueAtPercentile(percentile);
    }

    /** The percentiles of each, for a run at {@code ratePerSecond}. */
    public Percentiles percentiles(final long ratePerSecond)
    {
        return new Percentiles(
            new LatencyPercentiles(ratePerSecond, fromScheduled),
            new LatencyPercentiles(ratePerSecond, sendLate),
            new LatencyPercentiles(ratePerSecond, toServer),
            new LatencyPercentiles(ratePerSecond, fromServer));
    }

    /** The percentiles of a {@link RoundTripLatency}. */
    public record Percentiles(
        LatencyPercentiles fromScheduled, LatencyPercentiles sendLate, LatencyPercentiles toServer, LatencyPercentiles fromServer)
    {
    }
}
