package bourse.gateway;

import bourse.v1.CancelOrderRequest;
import bourse.v1.CancelOrderResponse;
import bourse.v1.ExecutionReport;
import bourse.v1.Instrument;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.OrderState;
import bourse.v1.Side;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A gateway started after the engine has been trading (a restart, or one more gateway to scale out)
 * learns from the engine's output journal what it did not see published: the API keys, the instruments
 * and the open orders. Without the journal it knows only what comes after it.
 */
final class LateGatewayTest
{
    @TempDir
    Path data;

    private Venue venue;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            closeables.get(i).close();
        }
        venue.close();
    }

    @Test
    void shouldServeTheAccountsAndOrdersOfEverythingTheEngineDidBeforeItStarted()
    {
        venue = Venue.startJournaled(data);
        final Trader alice = venue.trader();
        final Trader bob = venue.trader();
        final long aliceOrder = place(alice, limit("early", Side.SIDE_BUY, "28000", "0.01")).getOrderId();
        place(bob, limit("bobs", Side.SIDE_SELL, "32000", "0.02"));

        final OrderGateway late = venue.gateway(101, context -> context.engineDataDirectory(data));
        final Trader aliceLate = new Trader(alice.accountId, alice.key, channelTo(late));
        Venue.eventually("the late gateway to connect", late::isEngineConnected);

        assertThat(late.apiKeyCount()).isEqualTo(2);
        assertThat(aliceLate.orders.listInstruments(ListInstrumentsRequest.getDefaultInstance()).getInstrumentsList())
            .extracting(Instrument::getSymbol).containsExactly(Venue.BTC_USD, Venue.ETH_USD);
        assertThat(aliceLate.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersList())
            .extracting(ExecutionReport::getOrderId, ExecutionReport::getClientOrderId)
            .containsExactly(tuple(aliceOrder, "early"));

        final CancelOrderResponse cancelled =
            aliceLate.orders.cancelOrder(CancelOrderRequest.newBuilder().setClientOrderId("early").build());
        assertThat(cancelled.getReport().getState()).isEqualTo(OrderState.ORDER_STATE_CANCELLED);
        assertThat(place(aliceLate, limit("late", Side.SIDE_BUY, "28000", "0.01")).getState())
            .isEqualTo(OrderState.ORDER_STATE_NEW);
    }

    @Test
    void shouldKnowOnlyWhatComesAfterItWithoutTheJournal()
    {
        venue = Venue.startJournaled(data);
        final Trader alice = venue.trader();

        final OrderGateway late = venue.gateway(101, context -> { });
        final Trader aliceLate = new Trader(alice.accountId, alice.key, channelTo(late));
        Venue.eventually("the late gateway to connect", late::isEngineConnected);

        assertThat(late.apiKeyCount()).isZero();
        assertThatThrownBy(() -> aliceLate.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class,
                refused -> assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    private ManagedChannel channelTo(final OrderGateway gateway)
    {
        closeables.add(gateway);
        final ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
        closeables.add(() ->
        {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
        });
        return channel;
    }
}
