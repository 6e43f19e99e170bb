package bourse.platform.demo;

import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;

/**
 * The simulated traders' connection to the engine service: the demo's commands, each sent through an
 * {@link EngineProxy} with the next correlation id. Every method returns that correlation id when the
 * command went out, so the sender can recognise the engine's answer among the events, or
 * {@link #NOT_SENT} when the engine was back-pressured: a trader that cannot send simply does not, as a
 * real client would, and the refusal is counted. An engine that is gone (not connected, publication
 * closed) is not something a trader can work around: that throws.
 */
final class TraderClient
{
    /** Returned instead of a correlation id when the command was not sent. */
    static final long NOT_SENT = 0;

    private static final String NO_CLIENT_ORDER_ID = "";

    private final EngineProxy proxy;
    private long sent;
    private long backPressured;

    TraderClient(final EngineProxy proxy)
    {
        this.proxy = proxy;
    }

    int sourceId()
    {
        return proxy.sourceId();
    }

    /** Commands sent so far. */
    long sent()
    {
        return sent;
    }

    /** Commands not sent because the engine could not take them in time. */
    long backPressured()
    {
        return backPressured;
    }

    long addAsset(final AssetSpec asset)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.addAsset(correlationId, asset.assetId(), asset.code(), asset.scale()));
    }

    long addInstrument(final InstrumentSpec spec)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.addInstrument(
            correlationId,
            spec.instrumentId(),
            spec.symbol(),
            spec.baseAssetId(),
            spec.quoteAssetId(),
            spec.priceScale(),
            spec.tickSize(),
            spec.lotSize(),
            spec.minQuantity(),
            spec.maxQuantity(),
            spec.priceBandBps(),
            spec.makerFeePpm(),
            spec.takerFeePpm(),
            spec.referencePrice()));
    }

    long createAccount(final long accountId)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.createAccount(correlationId, accountId, StpMode.CANCEL_NEWEST));
    }

    long deposit(final long accountId, final int assetId, final long amount)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.deposit(correlationId, accountId, assetId, amount));
    }

    long createApiKey(final long accountId, final byte[] keyHash)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.createApiKey(correlationId, accountId, keyHash));
    }

    /** A new order; {@code price} 0 for MARKET and STOP, {@code stopPrice} 0 unless a stop, {@code displayQuantity} 0 unless an iceberg. */
    long newOrder(
        final long accountId,
        final int instrumentId,
        final Side side,
        final OrderType orderType,
        final TimeInForce timeInForce,
        final long price,
        final long quantity,
        final long stopPrice,
        final long displayQuantity)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.newOrder(correlationId, accountId, instrumentId, NO_CLIENT_ORDER_ID,
            side, orderType, timeInForce, false, StpMode.ACCOUNT_DEFAULT, price, quantity, stopPrice, displayQuantity));
    }

    long cancelOrder(final long accountId, final long orderId)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId, proxy.cancelOrder(correlationId, accountId, orderId, NO_CLIENT_ORDER_ID));
    }

    long replaceOrder(final long accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        final long correlationId = proxy.nextCorrelationId();
        return outcome(correlationId,
            proxy.replaceOrder(correlationId, accountId, orderId, NO_CLIENT_ORDER_ID, newPrice, newQuantity));
    }

    private long outcome(final long correlationId, final SendResult result)
    {
        if (result == SendResult.SENT)
        {
            sent++;
            return correlationId;
        }
        if (result == SendResult.BACK_PRESSURED)
        {
            backPressured++;
            return NOT_SENT;
        }
        throw new IllegalStateException("the engine service is not taking commands: " + result);
    }
}
