package bourse.perf.grpc;

import bourse.perf.NanoTimeEpochClock;
import bourse.perf.RoundTrips;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.OrdersGrpc;
import bourse.v1.SubmitOrderResponse;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * Orders through the gateway's unary {@code SubmitOrder}, as {@link OrderFlow} lays them out for one
 * pair: each request one call with its account's key, answered by the call's response, whose report
 * carries the engine's stamp ({@code transact_time_ns}). Every call is a new HTTP/2 stream, so this is
 * what a client without a session pays.
 */
final class UnaryRoundTrips implements RoundTrips
{
    private final OrderFlow flow;
    private final NanoTimeEpochClock engineClock;
    private final Refusals refusals;
    private final AnswerQueue answers = new AnswerQueue();
    private final OrdersGrpc.OrdersStub maker;
    private final OrdersGrpc.OrdersStub taker;
    private long run;

    UnaryRoundTrips(
        final OrderFlow flow,
        final TradingPairs.Pair pair,
        final Channel channel,
        final NanoTimeEpochClock engineClock,
        final Refusals refusals)
    {
        if (flow.pairs() != 1)
        {
            throw new IllegalArgumentException("unary round trips trade one pair: " + flow.pairs());
        }
        this.flow = flow;
        this.engineClock = engineClock;
        this.refusals = refusals;
        maker = LoopbackChannels.orders(channel, pair.maker());
        taker = LoopbackChannels.orders(channel, pair.taker());
    }

    @Override
    public void startRun()
    {
        run = OrderFlow.nextRun();
    }

    @Override
    public boolean trySend(final long index)
    {
        (OrderFlow.isMaker(index) ? maker : taker).submitOrder(flow.order(run, index), new Call(index));
        return true;
    }

    @Override
    public int poll(final Answers answers)
    {
        return this.answers.drain(answers);
    }

    /** One call's answer, on the transport's thread. */
    private final class Call implements StreamObserver<SubmitOrderResponse>
    {
        private final long index;

        Call(final long index)
        {
            this.index = index;
        }

        @Override
        public void onNext(final SubmitOrderResponse response)
        {
            final long arrivedNs = System.nanoTime();
            final ExecutionReport report = response.getReport();
            if (report.getExecutionType() == ExecutionType.EXECUTION_TYPE_REJECTED)
            {
                refusals.rejected(report);
            }
            answers.offer(index, engineClock.toNanoTime(report.getTransactTimeNs()), arrivedNs);
        }

        @Override
        public void onError(final Throwable cause)
        {
            final long arrivedNs = System.nanoTime();
            refusals.refused("SubmitOrder failed: " + Status.fromThrowable(cause));
            answers.offer(index, arrivedNs, arrivedNs);
        }

        @Override
        public void onCompleted()
        {
        }
    }
}
