package bourse.gateway;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What every gRPC-facing part of the gateway does with a request before the agent sees it: spend a token
 * of the caller's rate limit, note the call's deadline, and queue the work for the agent, refusing it at
 * once when the engine is not connected or the queue is full.
 */
final class Intake
{
    final InstrumentCatalog catalog;
    final Reports reports;
    final NanoClock clock;
    private final GatewayAgent agent;
    private final RateLimiter rateLimiter;
    private final long sendTimeoutNs;

    Intake(
        final InstrumentCatalog catalog,
        final Reports reports,
        final GatewayAgent agent,
        final RateLimiter rateLimiter,
        final NanoClock clock,
        final long sendTimeoutNs)
    {
        this.catalog = catalog;
        this.reports = reports;
        this.agent = agent;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.sendTimeoutNs = sendTimeoutNs;
    }

    /**
     * Spends one token of the key's rate limit.
     *
     * @throws RequestException RESOURCE_EXHAUSTED with the time to wait.
     */
    void spendToken(final Caller caller)
    {
        final long retryAfterNs = rateLimiter.tryAcquire(caller.keyHashHex());
        if (retryAfterNs != RateLimiter.ALLOWED)
        {
            throw RequestException.rateLimited(retryAfterNs);
        }
    }

    /**
     * When a command must have been sent, by the gateway's clock: the call's deadline, or when the call
     * has none, the configured send timeout from now.
     */
    long commandDeadlineNs()
    {
        final Deadline deadline = Context.current().getDeadline();
        final long remainingNs = deadline == null ? sendTimeoutNs : deadline.timeRemaining(TimeUnit.NANOSECONDS);
        return clock.nanoTime() + remainingNs;
    }

    /**
     * Hands a request to the agent.
     *
     * @throws RequestException UNAVAILABLE when the engine is not connected or the gateway is overloaded.
     */
    void enqueue(final AgentTask task)
    {
        if (!agent.isConnected())
        {
            throw new RequestException(Status.UNAVAILABLE.withDescription("the engine is not connected"));
        }
        if (!agent.offerRequest(task))
        {
            throw new RequestException(Status.UNAVAILABLE.withDescription("the gateway is overloaded: retry shortly"));
        }
    }

    /** Hands a control task to the agent; never refused. */
    void control(final AgentTask task)
    {
        agent.offerControl(task);
    }

    /**
     * Has the agent run {@code add} for a new stream, and {@code remove} once it ends, however it ends
     * (a stream that ends before the agent gets to it is never added).
     */
    void attach(final OutboundStream<?> stream, final Consumer<OrderRouter> add, final Consumer<OrderRouter> remove)
    {
        stream.onEnd(() -> control(router ->
        {
            remove.accept(router);
            return true;
        }));
        control(router ->
        {
            if (!stream.isEnded())
            {
                add.accept(router);
            }
            return true;
        });
    }
}
