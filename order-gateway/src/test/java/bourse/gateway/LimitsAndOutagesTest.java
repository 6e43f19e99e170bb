package bourse.gateway;

import bourse.v1.ExecutionReport;
import bourse.v1.GetOrderRequest;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.Side;
import bourse.v1.StreamExecutionsRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rate limit per API key, the cap on an account's streams, and what callers see when the engine is gone. */
class LimitsAndOutagesTest
{
    @Test
    void shouldRefuseStreamsBeyondTheAccountsCapUntilOneEnds()
    {
        try (Venue venue = Venue.start(gateway -> gateway.maxStreamsPerAccount(2)))
        {
            final Trader capped = venue.trader();
            final Trader other = venue.trader();
            final List<Context.CancellableContext> contexts = new ArrayList<>();
            final List<Received<ExecutionReport>> streams = new ArrayList<>();
            for (int i = 0; i < 3; i++)
            {
                final Context.CancellableContext context = Context.current().withCancellation();
                final Received<ExecutionReport> stream = new Received<>();
                context.run(() -> capped.ordersAsync.streamExecutions(StreamExecutionsRequest.getDefaultInstance(), stream));
                contexts.add(context);
                streams.add(stream);
            }

            // They reach the gateway in any order: whichever comes third is refused.
            Venue.eventually("one stream to be refused", () -> streams.stream().anyMatch(Received::hasEnded));
            final Received<ExecutionReport> refused = streams.stream().filter(Received::hasEnded).findFirst().orElseThrow();
            assertThat(refused.end().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(refused.end().getDescription()).isEqualTo("the account has 2 streams open, the most it may: end one first");
            final List<Received<ExecutionReport>> open = streams.stream().filter(stream -> !stream.hasEnded()).toList();
            assertThat(open).hasSize(2);
            final Received<ExecutionReport> others = new Received<>();
            other.ordersAsync.streamExecutions(StreamExecutionsRequest.getDefaultInstance(), others);
            place(other, limit("others-stream", Side.SIDE_BUY, "28000", "0.01"));
            assertThat(others.next().getClientOrderId()).as("another account's streams are not capped by it").isEqualTo("others-stream");

            final int ending = streams.indexOf(open.get(0));
            contexts.get(ending).cancel(null);
            assertThat(open.get(0).end().getCode()).isEqualTo(Status.Code.CANCELLED);
            final List<Received<ExecutionReport>> again = new ArrayList<>();
            Venue.eventually("a stream to be let open again", () ->
            {
                final Received<ExecutionReport> attempt = new Received<>();
                capped.ordersAsync.streamExecutions(StreamExecutionsRequest.getDefaultInstance(), attempt);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                again.add(attempt);
                return !attempt.hasEnded();
            });
            place(capped, limit("after", Side.SIDE_BUY, "28000", "0.01"));
            assertThat(again.get(again.size() - 1).next().getClientOrderId()).isEqualTo("after");
            assertThat(open.get(1).next().getClientOrderId()).as("the stream that stayed open").isEqualTo("after");
        }
    }

    @Test
    void shouldRefuseCommandsBeyondTheKeysRateWithTheTimeToWait() throws InvalidProtocolBufferException
    {
        try (Venue venue = Venue.start(gateway -> gateway.rateLimitPerSecond(4).rateLimitBurst(2)))
        {
            final Trader limited = venue.trader();
            final Trader other = venue.trader();
            place(limited, limit("r1", Side.SIDE_BUY, "28000", "0.01"));
            place(limited, limit("r2", Side.SIDE_BUY, "28000", "0.01"));

            final StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> limited.orders.submitOrder(limit("r3", Side.SIDE_BUY, "28000", "0.01")));

            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(refused.getStatus().getDescription()).startsWith("the API key's rate limit is spent: retry in ");
            final RetryInfo retryInfo = StatusProto.fromThrowable(refused).getDetails(0).unpack(RetryInfo.class);
            final long retryDelayNs = TimeUnit.SECONDS.toNanos(retryInfo.getRetryDelay().getSeconds()) +
                retryInfo.getRetryDelay().getNanos();
            assertThat(retryDelayNs).isPositive().isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
            assertThat(limited.orders.getOrder(GetOrderRequest.newBuilder().setClientOrderId("r1").build()).getReport()
                .getOrderId()).as("reads are not limited").isPositive();
            place(other, limit("o1", Side.SIDE_BUY, "28000", "0.01"));

            LockSupport.parkNanos(retryDelayNs);
            assertThat(place(limited, limit("r3", Side.SIDE_BUY, "28000", "0.01")).getOrderId())
                .as("after the wait it tells").isPositive();
        }
    }

    @Test
    void shouldAnswerUnavailableAndReportNotServingOnceTheEngineIsGone()
    {
        try (Venue venue = Venue.startOnSharedDriver())
        {
            final Trader trader = venue.trader();
            final long orderId = place(trader, limit("before", Side.SIDE_BUY, "28000", "0.01")).getOrderId();

            venue.stopEngine();
            Venue.eventually("the gateway to notice", () -> !venue.gateway.isEngineConnected());

            final StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> trader.orders.submitOrder(limit("after", Side.SIDE_BUY, "28000", "0.01")));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(refused.getStatus().getDescription()).isEqualTo("the engine is not connected");
            assertThat(HealthGrpc.newBlockingStub(venue.channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.NOT_SERVING);
            final StatusRuntimeException readRefused = catchThrowableOfType(StatusRuntimeException.class,
                () -> trader.orders.getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build()));
            assertThat(readRefused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(trader.orders.listInstruments(ListInstrumentsRequest.getDefaultInstance()).getInstrumentsCount())
                .as("reference data the gateway holds").isEqualTo(2);
        }
    }
}
