package bourse.gateway;

import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.OrdersGrpc;
import bourse.v1.Side;
import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's counters, as an operator reads them from the media driver (bourse stat): calls by how
 * they ended, messages both ways, commands sent to the engine and awaiting it, API keys known.
 */
final class GatewayCountersTest
{
    private Venue venue;

    @BeforeEach
    void start()
    {
        venue = Venue.start();
    }

    @AfterEach
    void close()
    {
        venue.close();
    }

    @Test
    void shouldCountCallsByHowTheyEndedAndTheCommandsTheySent()
    {
        final Trader trader = venue.trader();
        place(trader, limit("counted", Side.SIDE_BUY, "28000", "0.01"));
        trader.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance());
        assertThatThrownBy(() -> trader.orders.submitOrder(limit("bad", Side.SIDE_BUY, "lots", "0.01")))
            .isInstanceOf(StatusRuntimeException.class);
        assertThatThrownBy(() -> stranger().listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()))
            .isInstanceOf(StatusRuntimeException.class);

        final GatewayCounters counters = venue.gateway.counters();
        Venue.eventually("every call to end", () -> counters.callsOpen().get() == 0);
        assertThat(counters.callsEnded(Status.Code.OK).get()).isEqualTo(2);
        assertThat(counters.callsEnded(Status.Code.INVALID_ARGUMENT).get()).isEqualTo(1);
        assertThat(counters.callsEnded(Status.Code.UNAUTHENTICATED).get()).isEqualTo(1);
        assertThat(counters.callsStarted().get()).isEqualTo(4);
        assertThat(counters.messagesReceived().get()).as("requests").isEqualTo(3);
        assertThat(counters.messagesSent().get()).as("answers").isEqualTo(2);
        Venue.eventually("the agent to publish its counters", () -> counters.commandsSent().get() == 1 &&
            counters.commandsAwaitingEngine().get() == 0 && counters.apiKeys().get() == 1);
        assertThat(counters.engineEventMessages().get()).isPositive();
        assertThat(counters.errors().get()).isZero();

        final Map<String, Long> inCnc = countersInTheDriver();
        assertThat(inCnc).containsEntry("Bourse gateway: calls ended UNAUTHENTICATED", 1L)
            .containsEntry("Bourse gateway: commands sent to the engine", 1L)
            .containsEntry("Bourse gateway: API keys known", 1L);
    }

    private OrdersGrpc.OrdersBlockingStub stranger()
    {
        final Metadata headers = new Metadata();
        headers.put(AuthInterceptor.AUTHORIZATION, "Bearer bk_nobody");
        return OrdersGrpc.newBlockingStub(venue.channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Every counter's label and value, read from the driver's CnC file as bourse stat does. */
    private Map<String, Long> countersInTheDriver()
    {
        final Map<String, Long> values = new HashMap<>();
        try (Aeron reader = Aeron.connect(new Aeron.Context().aeronDirectoryName(venue.engine.context().aeronDirectoryName())))
        {
            final CountersReader counters = reader.countersReader();
            counters.forEach((counterId, typeId, keyBuffer, label) -> values.put(label, counters.getCounterValue(counterId)));
        }
        return values;
    }
}
