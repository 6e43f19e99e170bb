package bourse.engine.testing;

import bourse.sbe.BalanceReason;
import bourse.sbe.BookAction;
import bourse.sbe.BooleanType;
import bourse.sbe.CancelReason;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.OrderType;
import bourse.sbe.RejectReason;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;

/**
 * One engine event as a plain value, so tests compare whole event lists with {@code equals} and a failure
 * prints something a person can read. One record per SBE event message, one component per field, with the
 * field's name; fixed-length char arrays are Strings without their NUL padding (see
 * {@link EventDecoding#fixedString(byte[])}).
 */
public sealed interface EngineEvent
{
    long sequence();

    long timestampNs();

    int sourceId();

    long correlationId();

    record OrderAccepted(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long orderId, long accountId, int instrumentId, String clientOrderId,
        Side side, OrderType orderType, TimeInForce timeInForce, BooleanType postOnly, StpMode stpMode,
        long price, long quantity, long stopPrice, long displayQuantity) implements EngineEvent
    {
    }

    record CommandRejected(
        long sequence, long timestampNs, int sourceId, long correlationId,
        int commandTemplateId, RejectReason reason,
        long accountId, int instrumentId, long orderId, String clientOrderId) implements EngineEvent
    {
    }

    record OrderCancelled(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long orderId, long accountId, int instrumentId, String clientOrderId,
        CancelReason reason, long cancelledQuantity, long filledQuantity) implements EngineEvent
    {
    }

    record OrderReplaced(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long orderId, long accountId, int instrumentId, String clientOrderId,
        long price, long remainingQuantity, BooleanType priorityKept) implements EngineEvent
    {
    }

    record Trade(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long tradeId, int instrumentId, long price, long quantity, Side aggressorSide,
        long makerOrderId, long makerAccountId, long makerFee, long makerRemainingQuantity,
        long takerOrderId, long takerAccountId, long takerFee, long takerRemainingQuantity) implements EngineEvent
    {
    }

    record BalanceChanged(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long accountId, int assetId, BalanceReason reason, long total, long held) implements EngineEvent
    {
    }

    record BookChanged(
        long sequence, long timestampNs, int sourceId, long correlationId,
        int instrumentId, long orderId, Side side, long price, BookAction action, long visibleQuantity)
        implements EngineEvent
    {
    }

    record InstrumentStatusChanged(
        long sequence, long timestampNs, int sourceId, long correlationId,
        int instrumentId, InstrumentStatus status) implements EngineEvent
    {
    }

    record OrderTriggered(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long orderId, long accountId, int instrumentId, String clientOrderId, long lastTradePrice)
        implements EngineEvent
    {
    }

    record AccountCreated(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long accountId, StpMode stpMode) implements EngineEvent
    {
    }

    record InstrumentAdded(
        long sequence, long timestampNs, int sourceId, long correlationId,
        int instrumentId, String symbol, int baseAssetId, int quoteAssetId, int priceScale,
        long tickSize, long lotSize, long minQuantity, long maxQuantity,
        int priceBandBps, int makerFeePpm, int takerFeePpm, long referencePrice) implements EngineEvent
    {
    }

    record AssetAdded(
        long sequence, long timestampNs, int sourceId, long correlationId,
        int assetId, String code, int scale) implements EngineEvent
    {
    }

    record MassCancelCompleted(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long accountId, int instrumentId, int cancelledCount) implements EngineEvent
    {
    }

    /** {@code keyHash} in lower-case hex. */
    record ApiKeyCreated(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long accountId, String keyHash) implements EngineEvent
    {
    }

    /** {@code keyHash} in lower-case hex. */
    record ApiKeyRevoked(
        long sequence, long timestampNs, int sourceId, long correlationId,
        long accountId, String keyHash) implements EngineEvent
    {
    }
}
