package bourse.perf.grpc;

import bourse.gateway.ApiKey;
import bourse.perf.NanoTimeEpochClock;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.SessionRequest;
import bourse.v1.SessionResponse;
import io.grpc.Channel;

import java.util.List;

/**
 * Orders through the gateway's {@code OrderSession} streams, as {@link OrderFlow} lays them out: a
 * maker's session and a taker's per pair, each request a submit on its account's session. A request is
 * answered by the execution report that acknowledges its order ({@code NEW}, or {@code REJECTED}),
 * recognised by its client order id; the report's {@code transact_time_ns}, the engine's stamp, tells
 * when the engine took the order up. The other reports (trades, cancels) are read and passed over.
 * A request the transport is not ready for waits: the harness polls and tries again.
 */
final class SessionRoundTrips extends StreamRoundTrips<SessionRequest>
{
    private final OrderFlow flow;
    private final NanoTimeEpochClock engineClock;
    private final Refusals refusals;
    /** Per pair, the maker's session then the taker's. */
    private final Session[] sessions;
    private final SessionRequest.Builder request = SessionRequest.newBuilder();
    private volatile long run;

    /**
     * Opens the sessions of {@code flow}'s pairs, pair {@code p} on channel {@code p mod channels}.
     *
     * @param engineClock the clock the engine stamps commands with, read back to tell when it took each order up.
     */
    SessionRoundTrips(
        final OrderFlow flow,
        final List<TradingPairs.Pair> pairs,
        final List<? extends Channel> channels,
        final NanoTimeEpochClock engineClock,
        final Refusals refusals)
    {
        this.flow = flow;
        this.engineClock = engineClock;
        this.refusals = refusals;
        sessions = new Session[2 * flow.pairs()];
        for (int pair = 0; pair < flow.pairs(); pair++)
        {
            final Channel channel = channels.get(pair % channels.size());
            sessions[2 * pair] = new Session(channel, pairs.get(pair).maker());
            sessions[2 * pair + 1] = new Session(channel, pairs.get(pair).taker());
        }
    }

    /** The serialized size of the last request sent of a maker ({@code maker}) or a taker. */
    int requestBytes(final boolean maker)
    {
        return sessions[maker ? 0 : 1].requestBytes;
    }

    /** The serialized size of the last acknowledgement received of a maker's order ({@code maker}) or a taker's. */
    int acknowledgementBytes(final boolean maker)
    {
        return sessions[maker ? 0 : 1].acknowledgementBytes;
    }

    @Override
    public void startRun()
    {
        run = OrderFlow.nextRun();
    }

    @Override
    public boolean trySend(final long index)
    {
        final Session session = sessions[2 * flow.pairOf(index) + (OrderFlow.isMaker(index) ? 0 : 1)];
        if (!session.requests.isReady())
        {
            return false;
        }
        final SessionRequest submit = request.setRequestId(index + 1).setSubmit(flow.order(run, index)).build();
        session.requestBytes = submit.getSerializedSize();
        session.requests.onNext(submit);
        return true;
    }

    /** One session stream and what arrives on it, on the transport's thread. */
    private final class Session extends Receiver<SessionResponse>
    {
        private volatile int requestBytes;
        private volatile int acknowledgementBytes;

        Session(final Channel channel, final ApiKey key)
        {
            LoopbackChannels.orders(channel, key).orderSession(this);
        }

        @Override
        public void onNext(final SessionResponse response)
        {
            final long arrivedNs = System.nanoTime();
            if (response.hasReport())
            {
                final ExecutionReport report = response.getReport();
                final ExecutionType type = report.getExecutionType();
                if (type != ExecutionType.EXECUTION_TYPE_NEW && type != ExecutionType.EXECUTION_TYPE_REJECTED)
                {
                    return;
                }
                final long index = OrderFlow.indexIn(run, report.getClientOrderId());
                if (index >= 0)
                {
                    if (type == ExecutionType.EXECUTION_TYPE_REJECTED)
                    {
                        refusals.rejected(report);
                    }
                    acknowledgementBytes = response.getSerializedSize();
                    answers.offer(index, engineClock.toNanoTime(report.getTransactTimeNs()), arrivedNs);
                }
            }
            else if (response.hasError() && response.getRequestId() > 0)
            {
                refusals.refused("session request refused: " + response.getError().getMessage());
                answers.offer(response.getRequestId() - 1, arrivedNs, arrivedNs);
            }
        }
    }
}
