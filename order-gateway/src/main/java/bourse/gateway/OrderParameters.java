package bourse.gateway;

import bourse.v1.OrderType;
import bourse.v1.Side;
import bourse.v1.StpMode;
import bourse.v1.SubmitOrderRequest;
import bourse.v1.TimeInForce;

/**
 * A {@link SubmitOrderRequest} read and checked: the instrument resolved, decimals turned into the
 * engine's integers, defaults filled in. What the engine still decides (tick, lot, size limits, band,
 * balance, post-only crossing...) it answers with a reject; what makes no sense as a request is refused
 * here with INVALID_ARGUMENT naming the field and the rule.
 */
record OrderParameters(
    InstrumentInfo instrument,
    String clientOrderId,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    boolean postOnly,
    StpMode stpMode,
    long price,
    long quantity,
    long stopPrice,
    long displayQuantity)
{
    /** As the engine's client order id field holds: up to 36 characters. */
    static final int MAX_CLIENT_ORDER_ID_LENGTH = 36;

    /**
     * @throws RequestException INVALID_ARGUMENT for the first field found wrong.
     */
    static OrderParameters parse(final SubmitOrderRequest request, final InstrumentCatalog catalog)
    {
        final String clientOrderId = requireClientOrderId(request.getClientOrderId(), "client_order_id");
        final InstrumentInfo instrument = catalog.require(request.getInstrument(), "instrument");
        final Side side = request.getSide();
        if (side != Side.SIDE_BUY && side != Side.SIDE_SELL)
        {
            throw RequestException.invalid("side", "required: SIDE_BUY or SIDE_SELL");
        }
        final OrderType type = request.getType();
        if (type == OrderType.ORDER_TYPE_UNSPECIFIED || type == OrderType.UNRECOGNIZED)
        {
            throw RequestException.invalid("type", "required: LIMIT, MARKET, STOP or STOP_LIMIT");
        }
        final boolean limitPriced = type == OrderType.ORDER_TYPE_LIMIT || type == OrderType.ORDER_TYPE_STOP_LIMIT;
        final boolean stop = type == OrderType.ORDER_TYPE_STOP || type == OrderType.ORDER_TYPE_STOP_LIMIT;
        final TimeInForce timeInForce = timeInForce(request.getTimeInForce(), limitPriced);

        final long price = optionalDecimal(request.getPrice(), limitPriced, instrument.priceScale(), "price",
            "a limit price is required for LIMIT and STOP_LIMIT orders", "MARKET and STOP orders take no price");
        final long stopPrice = optionalDecimal(request.getStopPrice(), stop, instrument.priceScale(), "stop_price",
            "a trigger price is required for STOP and STOP_LIMIT orders", "only STOP and STOP_LIMIT orders take one");
        if (request.getQuantity().isEmpty())
        {
            throw RequestException.invalid("quantity", "required");
        }
        final long quantity = Decimals.parsePositive(request.getQuantity(), instrument.baseScale(), "quantity");

        long displayQuantity = 0;
        if (!request.getDisplayQuantity().isEmpty())
        {
            if (!limitPriced || timeInForce != TimeInForce.TIME_IN_FORCE_GTC)
            {
                throw RequestException.invalid("display_quantity", "only GTC LIMIT and STOP_LIMIT orders can be icebergs");
            }
            displayQuantity = Decimals.parsePositive(request.getDisplayQuantity(), instrument.baseScale(), "display_quantity");
            if (displayQuantity > quantity)
            {
                throw RequestException.invalid("display_quantity", "must not exceed quantity");
            }
        }
        if (request.getPostOnly() && (type != OrderType.ORDER_TYPE_LIMIT || timeInForce != TimeInForce.TIME_IN_FORCE_GTC))
        {
            throw RequestException.invalid("post_only", "only GTC LIMIT orders can be post-only");
        }
        if (request.getStpMode() == StpMode.UNRECOGNIZED)
        {
            throw RequestException.invalid("stp_mode", "unknown value " + request.getStpModeValue());
        }
        return new OrderParameters(instrument, clientOrderId, side, type, timeInForce, request.getPostOnly(),
            request.getStpMode(), price, quantity, stopPrice, displayQuantity);
    }

    /**
     * A client order id as the engine takes it: 1 to 36 printable ASCII characters, no spaces.
     *
     * @throws RequestException INVALID_ARGUMENT naming {@code field}.
     */
    static String requireClientOrderId(final String clientOrderId, final String field)
    {
        if (clientOrderId.isEmpty())
        {
            throw RequestException.invalid(field, "required: 1 to 36 printable ASCII characters, unique in the account");
        }
        if (clientOrderId.length() > MAX_CLIENT_ORDER_ID_LENGTH)
        {
            throw RequestException.invalid(field, "at most " + MAX_CLIENT_ORDER_ID_LENGTH + " characters");
        }
        for (int i = 0; i < clientOrderId.length(); i++)
        {
            final char c = clientOrderId.charAt(i);
            if (c < 0x21 || c > 0x7E)
            {
                throw RequestException.invalid(field, "printable ASCII only (0x21 to 0x7E): no spaces or control characters");
            }
        }
        return clientOrderId;
    }

    private static TimeInForce timeInForce(final TimeInForce requested, final boolean limitPriced)
    {
        if (requested == TimeInForce.UNRECOGNIZED)
        {
            throw RequestException.invalid("time_in_force", "unknown value");
        }
        if (requested == TimeInForce.TIME_IN_FORCE_UNSPECIFIED)
        {
            return limitPriced ? TimeInForce.TIME_IN_FORCE_GTC : TimeInForce.TIME_IN_FORCE_IOC;
        }
        if (!limitPriced && requested != TimeInForce.TIME_IN_FORCE_IOC)
        {
            throw RequestException.invalid("time_in_force", "MARKET and STOP orders are IOC");
        }
        return requested;
    }

    private static long optionalDecimal(
        final String text,
        final boolean required,
        final int scale,
        final String field,
        final String missing,
        final String forbidden)
    {
        if (required && text.isEmpty())
        {
            throw RequestException.invalid(field, missing);
        }
        if (!required && !text.isEmpty())
        {
            throw RequestException.invalid(field, forbidden);
        }
        return required ? Decimals.parsePositive(text, scale, field) : 0;
    }
}
