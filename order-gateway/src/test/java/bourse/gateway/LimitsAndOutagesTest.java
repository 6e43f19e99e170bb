package bourse.gateway;

import bourse.v1.GetOrderRequest;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.Side;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rate limit per API key, and what callers see when the engine is gone. */
class LimitsAndOutagesTest
{
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
