package bourse.engine;

import bourse.sbe.AccountCreatedEncoder;
import bourse.sbe.ApiKeyCreatedEncoder;
import bourse.sbe.ApiKeyRevokedEncoder;
import bourse.sbe.AssetAddedEncoder;
import bourse.sbe.BalanceChangedEncoder;
import bourse.sbe.BalanceReason;
import bourse.sbe.BookAction;
import bourse.sbe.BookChangedEncoder;
import bourse.sbe.BooleanType;
import bourse.sbe.CancelReason;
import bourse.sbe.CommandRejectedEncoder;
import bourse.sbe.InstrumentAddedEncoder;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.InstrumentStatusChangedEncoder;
import bourse.sbe.MassCancelCompletedEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.OrderAcceptedEncoder;
import bourse.sbe.OrderCancelledEncoder;
import bourse.sbe.OrderReplacedEncoder;
import bourse.sbe.OrderTriggeredEncoder;
import bourse.sbe.OrderType;
import bourse.sbe.RejectReason;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import bourse.sbe.TradeEncoder;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the events of the command being applied into one batch buffer, stamping each with the
 * command's sequence, timestamp, source and correlation ids. Preallocated flyweights: no allocation.
 */
final class EventEncoder
{
    private static final Side[] SIDES = {Side.BUY, Side.SELL};
    private static final OrderType[] ORDER_TYPES = {OrderType.LIMIT, OrderType.MARKET, OrderType.STOP, OrderType.STOP_LIMIT};
    private static final TimeInForce[] TIME_IN_FORCE = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK};
    private static final StpMode[] STP_MODES =
        {StpMode.ACCOUNT_DEFAULT, StpMode.CANCEL_NEWEST, StpMode.CANCEL_OLDEST, StpMode.CANCEL_BOTH};

    /** Room every event is given before it is encoded: the longest event (none has variable-length fields). */
    private static final int MAX_EVENT_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + max(
        OrderAcceptedEncoder.BLOCK_LENGTH,
        CommandRejectedEncoder.BLOCK_LENGTH,
        OrderCancelledEncoder.BLOCK_LENGTH,
        OrderReplacedEncoder.BLOCK_LENGTH,
        TradeEncoder.BLOCK_LENGTH,
        BalanceChangedEncoder.BLOCK_LENGTH,
        BookChangedEncoder.BLOCK_LENGTH,
        InstrumentStatusChangedEncoder.BLOCK_LENGTH,
        OrderTriggeredEncoder.BLOCK_LENGTH,
        AccountCreatedEncoder.BLOCK_LENGTH,
        InstrumentAddedEncoder.BLOCK_LENGTH,
        AssetAddedEncoder.BLOCK_LENGTH,
        MassCancelCompletedEncoder.BLOCK_LENGTH,
        ApiKeyCreatedEncoder.BLOCK_LENGTH,
        ApiKeyRevokedEncoder.BLOCK_LENGTH);

    /**
     * A plain UnsafeBuffer grown by {@link #claim()} once per event, rather than an expandable buffer
     * that checks its capacity on every field: a third of the engine's time is spent encoding events.
     */
    private final UnsafeBuffer buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned(64 * 1024, 64));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderAcceptedEncoder orderAccepted = new OrderAcceptedEncoder();
    private final CommandRejectedEncoder commandRejected = new CommandRejectedEncoder();
    private final OrderCancelledEncoder orderCancelled = new OrderCancelledEncoder();
    private final OrderReplacedEncoder orderReplaced = new OrderReplacedEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final BalanceChangedEncoder balanceChanged = new BalanceChangedEncoder();
    private final BookChangedEncoder bookChanged = new BookChangedEncoder();
    private final InstrumentStatusChangedEncoder instrumentStatus = new InstrumentStatusChangedEncoder();
    private final OrderTriggeredEncoder orderTriggered = new OrderTriggeredEncoder();
    private final AccountCreatedEncoder accountCreated = new AccountCreatedEncoder();
    private final InstrumentAddedEncoder instrumentAdded = new InstrumentAddedEncoder();
    private final AssetAddedEncoder assetAdded = new AssetAddedEncoder();
    private final MassCancelCompletedEncoder massCancelCompleted = new MassCancelCompletedEncoder();
    private final ApiKeyCreatedEncoder apiKeyCreated = new ApiKeyCreatedEncoder();
    private final ApiKeyRevokedEncoder apiKeyRevoked = new ApiKeyRevokedEncoder();

    private int length;
    private long sequence;
    private long timestampNs;
    private int sourceId;
    private long correlationId;

    void beginCommand(final long sequence, final long timestampNs, final int sourceId, final long correlationId)
    {
        this.length = 0;
        this.sequence = sequence;
        this.timestampNs = timestampNs;
        this.sourceId = sourceId;
        this.correlationId = correlationId;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    int length()
    {
        return length;
    }

    private static int max(final int... values)
    {
        int max = 0;
        for (final int value : values)
        {
            max = Math.max(max, value);
        }
        return max;
    }

    /** The buffer, with room for one more event of any kind after the batch so far. */
    private UnsafeBuffer claim()
    {
        if (length + MAX_EVENT_LENGTH > buffer.capacity())
        {
            final java.nio.ByteBuffer larger = BufferUtil.allocateDirectAligned(buffer.capacity() * 2, 64);
            buffer.getBytes(0, larger, 0, length);
            buffer.wrap(larger);
        }
        return buffer;
    }

    void orderAccepted(final Order order)
    {
        final OrderAcceptedEncoder e = orderAccepted;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .orderId(order.orderId)
            .accountId(order.account.accountId)
            .instrumentId(order.book.instrumentId)
            .putClientOrderId(order.clientOrderId, 0)
            .side(SIDES[order.side])
            .orderType(ORDER_TYPES[order.orderType])
            .timeInForce(TIME_IN_FORCE[order.timeInForce])
            .postOnly(order.postOnly ? BooleanType.TRUE : BooleanType.FALSE)
            .stpMode(STP_MODES[order.stpMode])
            .price(order.price)
            .quantity(order.quantity)
            .stopPrice(order.stopPrice)
            .displayQuantity(order.displayQuantity);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void commandRejected(
        final int commandTemplateId,
        final RejectReason reason,
        final long accountId,
        final int instrumentId,
        final long orderId,
        final byte[] clientOrderId)
    {
        final CommandRejectedEncoder e = commandRejected;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .commandTemplateId(commandTemplateId)
            .reason(reason)
            .accountId(accountId)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .putClientOrderId(clientOrderId, 0);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void orderCancelled(final Order order, final CancelReason reason)
    {
        final OrderCancelledEncoder e = orderCancelled;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .orderId(order.orderId)
            .accountId(order.account.accountId)
            .instrumentId(order.book.instrumentId)
            .putClientOrderId(order.clientOrderId, 0)
            .reason(reason)
            .cancelledQuantity(order.remaining)
            .filledQuantity(order.filled);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void orderReplaced(final Order order, final long price, final long remaining, final boolean priorityKept)
    {
        final OrderReplacedEncoder e = orderReplaced;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .orderId(order.orderId)
            .accountId(order.account.accountId)
            .instrumentId(order.book.instrumentId)
            .putClientOrderId(order.clientOrderId, 0)
            .price(price)
            .remainingQuantity(remaining)
            .priorityKept(priorityKept ? BooleanType.TRUE : BooleanType.FALSE);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void trade(
        final long tradeId,
        final long price,
        final long quantity,
        final Order maker,
        final long makerFee,
        final Order taker,
        final long takerFee)
    {
        final TradeEncoder e = trade;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .tradeId(tradeId)
            .instrumentId(taker.book.instrumentId)
            .price(price)
            .quantity(quantity)
            .aggressorSide(SIDES[taker.side])
            .makerOrderId(maker.orderId)
            .makerAccountId(maker.account.accountId)
            .makerFee(makerFee)
            .makerRemainingQuantity(maker.remaining)
            .takerOrderId(taker.orderId)
            .takerAccountId(taker.account.accountId)
            .takerFee(takerFee)
            .takerRemainingQuantity(taker.remaining);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void balanceChanged(final Account account, final int assetId, final BalanceReason reason)
    {
        final BalanceChangedEncoder e = balanceChanged;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .accountId(account.accountId)
            .assetId(assetId)
            .reason(reason)
            .total(account.total[assetId])
            .held(account.held[assetId]);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void bookChanged(final Order order, final BookAction action, final long visibleQuantity)
    {
        final BookChangedEncoder e = bookChanged;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .instrumentId(order.book.instrumentId)
            .orderId(order.orderId)
            .side(SIDES[order.side])
            .price(order.price)
            .action(action)
            .visibleQuantity(visibleQuantity);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void instrumentStatusChanged(final OrderBook book)
    {
        final InstrumentStatusChangedEncoder e = instrumentStatus;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .instrumentId(book.instrumentId)
            .status(book.halted ? InstrumentStatus.HALTED : InstrumentStatus.TRADING);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void orderTriggered(final Order order, final long lastTradePrice)
    {
        final OrderTriggeredEncoder e = orderTriggered;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .orderId(order.orderId)
            .accountId(order.account.accountId)
            .instrumentId(order.book.instrumentId)
            .putClientOrderId(order.clientOrderId, 0)
            .lastTradePrice(lastTradePrice);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void accountCreated(final Account account)
    {
        final AccountCreatedEncoder e = accountCreated;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .accountId(account.accountId)
            .stpMode(STP_MODES[account.stpMode]);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void instrumentAdded(final OrderBook book)
    {
        final InstrumentAddedEncoder e = instrumentAdded;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .instrumentId(book.instrumentId)
            .putSymbol(book.symbol, 0)
            .baseAssetId(book.baseAssetId)
            .quoteAssetId(book.quoteAssetId)
            .priceScale(book.priceScale)
            .tickSize(book.tickSize)
            .lotSize(book.lotSize)
            .minQuantity(book.minQuantity)
            .maxQuantity(book.maxQuantity)
            .priceBandBps(book.priceBandBps)
            .makerFeePpm(book.makerFeePpm)
            .takerFeePpm(book.takerFeePpm)
            .referencePrice(book.referencePrice);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void assetAdded(final int assetId, final byte[] code, final int scale)
    {
        final AssetAddedEncoder e = assetAdded;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .assetId(assetId)
            .putCode(code, 0)
            .scale(scale);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void massCancelCompleted(final long accountId, final int instrumentId, final int cancelledCount)
    {
        final MassCancelCompletedEncoder e = massCancelCompleted;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .accountId(accountId)
            .instrumentId(instrumentId)
            .cancelledCount(cancelledCount);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void apiKeyCreated(final long accountId, final byte[] keyHash)
    {
        final ApiKeyCreatedEncoder e = apiKeyCreated;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .accountId(accountId)
            .putKeyHash(keyHash, 0, keyHash.length);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    void apiKeyRevoked(final long accountId, final byte[] keyHash)
    {
        final ApiKeyRevokedEncoder e = apiKeyRevoked;
        e.wrapAndApplyHeader(claim(), length, header)
            .sequence(sequence).timestampNs(timestampNs).sourceId(sourceId).correlationId(correlationId)
            .accountId(accountId)
            .putKeyHash(keyHash, 0, keyHash.length);
        length += MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }
}
