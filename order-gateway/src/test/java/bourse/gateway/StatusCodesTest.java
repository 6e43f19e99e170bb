package bourse.gateway;

import bourse.v1.CancelOrderRequest;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.GetOrderRequest;
import bourse.v1.ListInstrumentsRequest;
import bourse.v1.ListOpenOrdersRequest;
import bourse.v1.OrderType;
import bourse.v1.OrdersGrpc;
import bourse.v1.ReplaceOrderRequest;
import bourse.v1.Side;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static bourse.gateway.Venue.limit;
import static bourse.gateway.Venue.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every status the order RPCs answer with: INVALID_ARGUMENT naming the field and the rule,
 * UNAUTHENTICATED, NOT_FOUND for another account's orders, DEADLINE_EXCEEDED and then the idempotent
 * retry; and the health and reflection services beside them.
 */
class StatusCodesTest
{
    @RegisterExtension
    static final SharedVenue venue = new SharedVenue();

    static Stream<Arguments> invalidRequests()
    {
        final SubmitOrderRequest good = limit("good", Side.SIDE_BUY, "29000", "0.01");
        return Stream.of(
            submit("no client order id", SubmitOrderRequest.newBuilder(good).clearClientOrderId(), "client_order_id: required"),
            submit("client order id with a space", SubmitOrderRequest.newBuilder(good).setClientOrderId("a b"),
                "client_order_id: printable ASCII only"),
            submit("client order id of 37 characters", SubmitOrderRequest.newBuilder(good).setClientOrderId("x".repeat(37)),
                "client_order_id: at most 36 characters"),
            submit("no instrument", SubmitOrderRequest.newBuilder(good).clearInstrument(), "instrument: required"),
            submit("unknown instrument", SubmitOrderRequest.newBuilder(good).setInstrument("DOGE-USD"),
                "instrument: no instrument has the symbol 'DOGE-USD'"),
            submit("no side", SubmitOrderRequest.newBuilder(good).clearSide(), "side: required"),
            submit("no type", SubmitOrderRequest.newBuilder(good).clearType(), "type: required"),
            submit("limit without a price", SubmitOrderRequest.newBuilder(good).clearPrice(),
                "price: a limit price is required"),
            submit("market with a price", SubmitOrderRequest.newBuilder(good).setType(OrderType.ORDER_TYPE_MARKET),
                "price: MARKET and STOP orders take no price"),
            submit("price in words", SubmitOrderRequest.newBuilder(good).setPrice("lots"), "price: 'lots' is not a decimal"),
            submit("price with an exponent", SubmitOrderRequest.newBuilder(good).setPrice("3e4"), "price: '3e4' is not a decimal"),
            submit("negative price", SubmitOrderRequest.newBuilder(good).setPrice("-29000"), "price: must be positive"),
            submit("price finer than a cent", SubmitOrderRequest.newBuilder(good).setPrice("29000.001"),
                "price: at most 2 decimals"),
            submit("no quantity", SubmitOrderRequest.newBuilder(good).clearQuantity(), "quantity: required"),
            submit("zero quantity", SubmitOrderRequest.newBuilder(good).setQuantity("0.00"), "quantity: must be positive"),
            submit("quantity beyond a long", SubmitOrderRequest.newBuilder(good).setQuantity("99999999999999999"),
                "quantity: 99999999999999999 is too large"),
            submit("stop price on a limit order", SubmitOrderRequest.newBuilder(good).setStopPrice("31000"),
                "stop_price: only STOP and STOP_LIMIT orders take one"),
            submit("stop without a stop price", SubmitOrderRequest.newBuilder(good).setType(OrderType.ORDER_TYPE_STOP).clearPrice(),
                "stop_price: a trigger price is required"),
            submit("GTC market order", SubmitOrderRequest.newBuilder(good).setType(OrderType.ORDER_TYPE_MARKET).clearPrice()
                .setTimeInForce(TimeInForce.TIME_IN_FORCE_GTC), "time_in_force: MARKET and STOP orders are IOC"),
            submit("IOC iceberg", SubmitOrderRequest.newBuilder(good).setTimeInForce(TimeInForce.TIME_IN_FORCE_IOC)
                .setDisplayQuantity("0.01"), "display_quantity: only GTC LIMIT and STOP_LIMIT orders can be icebergs"),
            submit("iceberg showing more than it holds", SubmitOrderRequest.newBuilder(good).setDisplayQuantity("0.02"),
                "display_quantity: must not exceed quantity"),
            submit("post-only FOK", SubmitOrderRequest.newBuilder(good).setPostOnly(true)
                .setTimeInForce(TimeInForce.TIME_IN_FORCE_FOK), "post_only: only GTC LIMIT orders can be post-only"),
            call("cancel naming no order", orders -> orders.cancelOrder(CancelOrderRequest.getDefaultInstance()),
                "order: name the order by order_id or by client_order_id"),
            call("cancel of order 0", orders -> orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(0).build()),
                "order_id: must be positive"),
            call("replace without a price", orders -> orders.replaceOrder(ReplaceOrderRequest.newBuilder()
                .setOrderId(1).setQuantity("0.01").build()), "price: required"),
            call("get by a client order id with a tab", orders -> orders.getOrder(GetOrderRequest.newBuilder()
                .setClientOrderId("a\tb").build()), "client_order_id: printable ASCII only"),
            call("open orders of an unknown instrument", orders -> orders.listOpenOrders(ListOpenOrdersRequest.newBuilder()
                .setInstrument("NOPE").build()), "instrument: no instrument has the symbol 'NOPE'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void shouldRefuseAnInvalidRequestNamingTheFieldAndTheRule(
        final Function<OrdersGrpc.OrdersBlockingStub, Object> call, final String description)
    {
        final Trader trader = venue.trader();

        final StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
            () -> call.apply(trader.orders));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.getStatus().getDescription()).startsWith(description);
        assertThat(trader.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersList()).isEmpty();
    }

    @Test
    void shouldRefuseCallsWithoutAKnownKey()
    {
        final OrdersGrpc.OrdersBlockingStub anonymous = OrdersGrpc.newBlockingStub(venue.channel());

        assertUnauthenticated(anonymous, "missing metadata 'authorization: Bearer <api key>'");
        assertUnauthenticated(withAuthorization("Basic dXNlcjpwYXNz"), "the authorization metadata must be 'Bearer <api key>'");
        assertUnauthenticated(withAuthorization("Bearer "), "the authorization metadata must be 'Bearer <api key>'");
        assertUnauthenticated(withAuthorization("Bearer bk_not-a-key-anyone-has"), "unknown API key");
    }

    @Test
    void shouldRefuseARevokedKeyAndNoOtherOfTheAccount()
    {
        final Trader trader = venue.trader();
        final ApiKey second = venue.newApiKey(trader.accountId);
        place(trader, limit("before-revoke", Side.SIDE_BUY, "28000", "0.01"));

        venue.revoke(trader.accountId, trader.key);

        assertUnauthenticated(trader.orders, "unknown API key");
        assertThat(withAuthorization("Bearer " + second.key()).listOpenOrders(ListOpenOrdersRequest.getDefaultInstance())
            .getOrdersList()).as("the account's other key still works, and its orders stay").hasSize(1);
    }

    @Test
    void shouldHideEveryOrderOfAnotherAccount()
    {
        final Trader alice = venue.trader();
        final Trader bob = venue.trader();
        final long aliceOrder = place(alice, limit("alice-1", Side.SIDE_BUY, "28500", "0.01")).getOrderId();

        assertNotFound(() -> bob.orders.getOrder(GetOrderRequest.newBuilder().setOrderId(aliceOrder).build()),
            "the account has no order " + aliceOrder);
        assertNotFound(() -> bob.orders.getOrder(GetOrderRequest.newBuilder().setClientOrderId("alice-1").build()),
            "the account has no order with client_order_id 'alice-1'");
        assertNotFound(() -> bob.orders.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(aliceOrder).build()),
            "the account has no order " + aliceOrder);
        assertNotFound(() -> bob.orders.replaceOrder(ReplaceOrderRequest.newBuilder().setOrderId(aliceOrder)
            .setPrice("28600").setQuantity("0.01").build()), "the account has no order " + aliceOrder);
        assertNotFound(() -> bob.orders.getOrder(GetOrderRequest.newBuilder().setOrderId(999_999).build()),
            "the account has no order 999999");
        assertThat(bob.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersList()).isEmpty();
        assertThat(alice.orders.getOrder(GetOrderRequest.newBuilder().setOrderId(aliceOrder).build()).getReport()
            .getState()).as("untouched").isEqualTo(bourse.v1.OrderState.ORDER_STATE_NEW);
    }

    @Test
    void shouldAnswerARepeatedClientOrderIdWithTheOriginalOrder()
    {
        final Trader trader = venue.trader();
        final ExecutionReport original = place(trader, limit("once", Side.SIDE_BUY, "28500", "0.01"));

        final ExecutionReport repeated = trader.orders.submitOrder(limit("once", Side.SIDE_BUY, "28500", "0.01")).getReport();
        final ExecutionReport different = trader.orders.submitOrder(limit("once", Side.SIDE_SELL, "31000", "0.05")).getReport();

        assertThat(repeated.getOrderId()).isEqualTo(original.getOrderId());
        assertThat(repeated.getExecutionType()).isEqualTo(ExecutionType.EXECUTION_TYPE_ORDER_STATUS);
        assertThat(different.getOrderId()).as("whatever else the request says").isEqualTo(original.getOrderId());
        assertThat(different.getSide()).isEqualTo(Side.SIDE_BUY);
        assertThat(trader.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersList()).hasSize(1);
    }

    @Test
    void shouldPlaceTheOrderOnceWhenASubmitIsRetriedAfterItsDeadline()
    {
        final Trader trader = venue.trader();
        final SubmitOrderRequest order = limit("slow", Side.SIDE_BUY, "28500", "0.01");
        venue.pauseEngine();
        try
        {
            final StatusRuntimeException late = catchThrowableOfType(StatusRuntimeException.class,
                () -> trader.orders.withDeadlineAfter(300, TimeUnit.MILLISECONDS).submitOrder(order));
            assertThat(late.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            final StatusRuntimeException stillLate = catchThrowableOfType(StatusRuntimeException.class,
                () -> trader.orders.withDeadlineAfter(300, TimeUnit.MILLISECONDS).submitOrder(order));
            assertThat(stillLate.getStatus().getCode()).as("the retry waits for the same order")
                .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        }
        finally
        {
            venue.resumeEngine();
        }

        final ExecutionReport retried = trader.orders.submitOrder(order).getReport();

        assertThat(retried.getOrderId()).isPositive();
        assertThat(trader.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersList())
            .extracting(ExecutionReport::getOrderId).containsExactly(retried.getOrderId());
    }

    @Test
    void shouldPlaceOneOrderForConcurrentSubmitsOfOneClientOrderId()
    {
        final Trader trader = venue.trader();
        final SubmitOrderRequest order = limit("together", Side.SIDE_BUY, "28500", "0.01");
        venue.pauseEngine();
        final List<CompletableFuture<ExecutionReport>> answers;
        try
        {
            // Whether a submit finds the first one pending or already placed, it gets that order.
            answers = Stream.generate(() -> submitAsync(trader, order)).limit(3).toList();
        }
        finally
        {
            venue.resumeEngine();
        }

        final List<Long> orderIds = answers.stream().map(answer -> answer.join().getOrderId()).distinct().toList();

        assertThat(orderIds).hasSize(1).allSatisfy(orderId -> assertThat(orderId).isPositive());
        assertThat(trader.orders.listOpenOrders(ListOpenOrdersRequest.getDefaultInstance()).getOrdersList()).hasSize(1);
    }

    @Test
    void shouldAnswerListInstrumentsWithoutTouchingTheEngine()
    {
        assertThat(venue.trader().orders.listInstruments(ListInstrumentsRequest.getDefaultInstance()).getInstrumentsCount())
            .isEqualTo(2);
    }

    @Test
    void shouldReportHealthWithoutAKey()
    {
        final HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(venue.channel());

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("bourse.v1.Orders").build()).getStatus())
            .isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void shouldListItsServicesThroughReflection()
    {
        final CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        final StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(venue.channel())
            .serverReflectionInfo(new StreamObserver<>()
            {
                public void onNext(final ServerReflectionResponse response)
                {
                    answer.complete(response);
                }

                public void onError(final Throwable error)
                {
                    answer.completeExceptionally(error);
                }

                public void onCompleted()
                {
                }
            });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();

        assertThat(answer.join().getListServicesResponse().getServiceList()).extracting(ServiceResponse::getName)
            .contains("bourse.v1.Orders", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
    }

    private static CompletableFuture<ExecutionReport> submitAsync(final Trader trader, final SubmitOrderRequest order)
    {
        final CompletableFuture<ExecutionReport> answer = new CompletableFuture<>();
        trader.ordersAsync.submitOrder(order, new StreamObserver<>()
        {
            public void onNext(final bourse.v1.SubmitOrderResponse response)
            {
                answer.complete(response.getReport());
            }

            public void onError(final Throwable error)
            {
                answer.completeExceptionally(error);
            }

            public void onCompleted()
            {
            }
        });
        return answer;
    }

    private static OrdersGrpc.OrdersBlockingStub withAuthorization(final String authorization)
    {
        final Metadata headers = new Metadata();
        headers.put(AuthInterceptor.AUTHORIZATION, authorization);
        return OrdersGrpc.newBlockingStub(venue.channel()).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static void assertUnauthenticated(final OrdersGrpc.OrdersBlockingStub orders, final String description)
    {
        assertThatThrownBy(() -> orders.submitOrder(limit("x", Side.SIDE_BUY, "28000", "0.01")))
            .isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
            {
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(refused.getStatus().getDescription()).isEqualTo(description);
            });
        assertThatThrownBy(() -> orders.listInstruments(ListInstrumentsRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    private static void assertNotFound(final Runnable call, final String description)
    {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
        {
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(refused.getStatus().getDescription()).isEqualTo(description);
        });
    }

    private static Arguments submit(final String name, final SubmitOrderRequest.Builder request, final String description)
    {
        return call(name, orders -> orders.submitOrder(request.build()), description);
    }

    private static Arguments call(
        final String name, final Function<OrdersGrpc.OrdersBlockingStub, Object> call, final String description)
    {
        return Arguments.of(Named.of(name, call), description);
    }
}
