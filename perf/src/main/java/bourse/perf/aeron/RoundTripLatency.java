package bourse.perf.aeron;

import bourse.perf.LatencyPercentiles;
import bourse.perf.OpenLoop;
import org.HdrHistogram.Histogram;

/**
 * What an open-loop run of round trips records, in nanoseconds: each request's latency from its
 * scheduled time to its answer, the one that counts; and the parts it is made of, to show where the
 * time goes: how late the client sent it, the way to the server thread (from the send to the
 * server's stamp on the answer), and the way back (from that stamp to the answer polled, the
 * server's own work included). Accumulates over runs until {@link #reset()}.
 */
final class RoundTripLatency
{
    final Histogram fromScheduled = OpenLoop.newHistogram();
    final Histogram sendLate = OpenLoop.newHistogram();
    final Histogram toServer = OpenLoop.newHistogram();
    final Histogram fromServer = OpenLoop.newHistogram();

    void reset()
    {
        fromScheduled.reset();
        sendLate.reset();
        toServer.reset();
        fromServer.reset();
    }

    /** The percentiles of each, for a run at {@code ratePerSecond}. */
    Percentiles percentiles(final long ratePerSecond)
    {
        return new Percentiles(
            new LatencyPercentiles(ratePerSecond, fromScheduled),
            new LatencyPercentiles(ratePerSecond, sendLate),
            new LatencyPercentiles(ratePerSecond, toServer),
            new LatencyPercentiles(ratePerSecond, fromServer));
    }

    /** The percentiles of a {@link RoundTripLatency}. */
    record Percentiles(
        LatencyPercentiles fromScheduled, LatencyPercentiles sendLate, LatencyPercentiles toServer, LatencyPercentiles fromServer)
    {
    }
}
