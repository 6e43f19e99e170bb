package bourse.gateway;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most so many streams open per account at once (sessions, execution and market-data streams,
 * batches): each holds buffers and a place in the agent's fan-out, so one account opening streams without
 * end must not take the gateway's memory from everyone else. Beyond, the call is refused with
 * RESOURCE_EXHAUSTED. Runs inside the {@link AuthInterceptor}, which says whose the call is; unary calls
 * are not counted (the rate limit bounds them).
 */
final class StreamLimit implements ServerInterceptor
{
    private final int maxStreamsPerAccount;
    private final ConcurrentHashMap<Long, AtomicInteger> openByAccount = new ConcurrentHashMap<>();

    StreamLimit(final int maxStreamsPerAccount)
    {
        this.maxStreamsPerAccount = maxStreamsPerAccount;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        final ServerCall<Q, R> call, final Metadata headers, final ServerCallHandler<Q, R> next)
    {
        if (call.getMethodDescriptor().getType() == MethodType.UNARY)
        {
            return next.startCall(call, headers);
        }
        final long accountId = Caller.current().accountId();
        final AtomicInteger open = openByAccount.computeIfAbsent(accountId, account -> new AtomicInteger());
        if (open.incrementAndGet() > maxStreamsPerAccount)
        {
            open.decrementAndGet();
            call.close(Status.RESOURCE_EXHAUSTED.withDescription(
                "the account has " + maxStreamsPerAccount + " streams open, the most it may: end one first"), new Metadata());
            return new ServerCall.Listener<>()
            {
            };
        }
        return CallEnds.startCall(call, headers, next, status -> open.decrementAndGet());
    }
}
