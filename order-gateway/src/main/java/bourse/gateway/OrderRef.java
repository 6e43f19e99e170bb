package bourse.gateway;

import bourse.v1.CancelOrderRequest;
import bourse.v1.GetOrderRequest;
import bourse.v1.ReplaceOrderRequest;

/** How a request names an order: by the engine's order id, or (order id 0) by the client's order id. */
record OrderRef(long orderId, String clientOrderId)
{
    static OrderRef of(final CancelOrderRequest request)
    {
        return switch (request.getOrderCase())
        {
            case ORDER_ID -> byId(request.getOrderId());
            case CLIENT_ORDER_ID -> byClientOrderId(request.getClientOrderId());
            default -> throw missing();
        };
    }

    static OrderRef of(final ReplaceOrderRequest request)
    {
        return switch (request.getOrderCase())
        {
            case ORDER_ID -> byId(request.getOrderId());
            case CLIENT_ORDER_ID -> byClientOrderId(request.getClientOrderId());
            default -> throw missing();
        };
    }

    static OrderRef of(final GetOrderRequest request)
    {
        return switch (request.getOrderCase())
        {
            case ORDER_ID -> byId(request.getOrderId());
            case CLIENT_ORDER_ID -> byClientOrderId(request.getClientOrderId());
            default -> throw missing();
        };
    }

    private static OrderRef byId(final long orderId)
    {
        if (orderId <= 0)
        {
            throw RequestException.invalid("order_id", "must be positive");
        }
        return new OrderRef(orderId, "");
    }

    private static OrderRef byClientOrderId(final String clientOrderId)
    {
        return new OrderRef(0, OrderParameters.requireClientOrderId(clientOrderId, "client_order_id"));
    }

    private static RequestException missing()
    {
        return RequestException.invalid("order", "name the order by order_id or by client_order_id");
    }
}
