package bourse.platform.demo;

import bourse.engine.MatchingEngine;
import bourse.engine.service.CommandLog;
import bourse.sbe.AddAssetEncoder;
import bourse.sbe.AddInstrumentEncoder;
import bourse.sbe.BooleanType;
import bourse.sbe.CancelOrderEncoder;
import bourse.sbe.CreateAccountEncoder;
import bourse.sbe.DepositEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.NewOrderEncoder;
import bourse.sbe.OrderType;
import bourse.sbe.ReplaceOrderEncoder;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * Sends commands to an engine in the same thread: encodes each with a reused SBE encoder, stamps it
 * with the next sequence number and the injected clock's time, and applies it. The engine's events
 * reach its event sink before a method here returns. The role a sequencer and an Aeron publication play
 * once the engine runs as a service.
 */
final class InProcessEngineProxy
{
    /** Everything the demo sends comes from one source; the sequence doubles as correlation id. */
    private static final int SOURCE_ID = 1;
    private static final String BLANK_CLIENT_ORDER_ID = "";

    private final MatchingEngine engine;
    private final CommandLog commandLog;
    private final NanoClock clock;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AddAssetEncoder addAsset = new AddAssetEncoder();
    private final AddInstrumentEncoder addInstrument = new AddInstrumentEncoder();
    private final CreateAccountEncoder createAccount = new CreateAccountEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private long sequence;

    InProcessEngineProxy(final MatchingEngine engine, final CommandLog commandLog, final NanoClock clock)
    {
        this.engine = engine;
        this.commandLog = commandLog;
        this.clock = clock;
    }

    /** Sequence number of the last command sent; also how many commands were sent. */
    long lastSequence()
    {
        return sequence;
    }

    void addAsset(final int assetId, final String code, final int scale)
    {
        addAsset.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .assetId(assetId).code(code).scale(scale);
        apply(addAsset.encodedLength());
    }

    void addInstrument(final InstrumentSpec spec)
    {
        addInstrument.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .instrumentId(spec.instrumentId())
            .symbol(spec.symbol())
            .baseAssetId(spec.baseAssetId())
            .quoteAssetId(spec.quoteAssetId())
            .priceScale(spec.priceScale())
            .tickSize(spec.tickSize())
            .lotSize(spec.lotSize())
            .minQuantity(spec.minQuantity())
            .maxQuantity(spec.maxQuantity())
            .priceBandBps(spec.priceBandBps())
            .makerFeePpm(spec.makerFeePpm())
            .takerFeePpm(spec.takerFeePpm())
            .referencePrice(spec.referencePrice());
        apply(addInstrument.encodedLength());
    }

    void createAccount(final long accountId)
    {
        createAccount.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId).stpMode(StpMode.CANCEL_NEWEST);
        apply(createAccount.encodedLength());
    }

    void deposit(final long accountId, final int assetId, final long amount)
    {
        deposit.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId).assetId(assetId).amount(amount);
        apply(deposit.encodedLength());
    }

    /** A new order; {@code price} 0 for MARKET and STOP, {@code stopPrice} 0 unless a stop, {@code displayQuantity} 0 unless an iceberg. */
    void newOrder(
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
        newOrder.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId)
            .instrumentId(instrumentId)
            .clientOrderId(BLANK_CLIENT_ORDER_ID)
            .side(side)
            .orderType(orderType)
            .timeInForce(timeInForce)
            .postOnly(BooleanType.FALSE)
            .stpMode(StpMode.ACCOUNT_DEFAULT)
            .price(price)
            .quantity(quantity)
            .stopPrice(stopPrice)
            .displayQuantity(displayQuantity);
        apply(newOrder.encodedLength());
    }

    void cancelOrder(final long accountId, final long orderId)
    {
        cancelOrder.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId).orderId(orderId).clientOrderId(BLANK_CLIENT_ORDER_ID);
        apply(cancelOrder.encodedLength());
    }

    void replaceOrder(final long accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        replaceOrder.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence).timestampNs(clock.nanoTime()).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId).orderId(orderId).clientOrderId(BLANK_CLIENT_ORDER_ID)
            .newPrice(newPrice).newQuantity(newQuantity);
        apply(replaceOrder.encodedLength());
    }

    private void apply(final int bodyLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        commandLog.onSequenced(buffer, 0, length);
        engine.onCommand(buffer, 0, length);
        commandLog.onApplied(engine);
    }
}
