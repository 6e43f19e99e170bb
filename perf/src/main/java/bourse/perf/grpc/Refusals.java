package bourse.perf.grpc;

import bourse.v1.ExecutionReport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders the engine rejected and requests the gateway refused, counted as their answers arrive, on
 * whichever thread that is. The benchmark's orders are chosen so that there are none; a run that has
 * some says so rather than hiding them in its figures, since a refusal is answered sooner than an order.
 */
final class Refusals
{
    private final AtomicLong rejects = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile String first;

    /** The engine rejected an order: its report says why. */
    void rejected(final ExecutionReport report)
    {
        rejects.incrementAndGet();
        noteFirst("order " + report.getClientOrderId() + " rejected: " + report.getRejectReason());
    }

    /** The gateway refused a request before the engine saw it (a status or a RequestError). */
    void refused(final String what)
    {
        errors.incrementAndGet();
        noteFirst(what);
    }

    /** Orders rejected by the engine so far. */
    long rejects()
    {
        return rejects.get();
    }

    /** Requests refused by the gateway so far. */
    long errors()
    {
        return errors.get();
    }

    /** The first refusal of either kind, described, or null. */
    String first()
    {
        return first;
    }

    private void noteFirst(final String what)
    {
        if (first == null)
        {
            first = what;
        }
    }
}
