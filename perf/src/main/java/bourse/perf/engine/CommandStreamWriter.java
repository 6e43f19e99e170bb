package bourse.perf.engine;

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
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Appends SBE commands end to end into one off-heap buffer and remembers where each one starts and
 * how long it is. Every command is stamped as the sequencer would: sequence numbers from 1 and a
 * monotonic timestamp.
 */
final class CommandStreamWriter
{
    /** The longest command written here (NewOrder with its header): sizes the buffer up front. */
    static final int MAX_COMMAND_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH +
        Math.max(NewOrderEncoder.BLOCK_LENGTH, AddInstrumentEncoder.BLOCK_LENGTH);
    /** The pretend sequencer stamps one command per microsecond. */
    private static final long TIMESTAMP_STEP_NS = 1_000;
    private static final int SOURCE_ID = 1;
    private static final byte[] BLANK_CLIENT_ORDER_ID = new byte[NewOrderEncoder.clientOrderIdLength()];

    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final AddAssetEncoder addAsset = new AddAssetEncoder();
    private final AddInstrumentEncoder addInstrument = new AddInstrumentEncoder();
    private final CreateAccountEncoder createAccount = new CreateAccountEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private int count;
    private int position;

    CommandStreamWriter(final int capacity)
    {
        final long bytes = (long)capacity * MAX_COMMAND_LENGTH;
        if (bytes > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("too many commands for one buffer: " + capacity);
        }
        buffer = new UnsafeBuffer(BufferUtil.allocateDirectAligned((int)bytes, 64));
        offsets = new int[capacity];
        lengths = new int[capacity];
    }

    int count()
    {
        return count;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int[] offsets()
    {
        return offsets;
    }

    int[] lengths()
    {
        return lengths;
    }

    int encodedLength()
    {
        return position;
    }

    /** Offset of the command written last. */
    int lastOffset()
    {
        return offsets[count - 1];
    }

    /** Length of the command written last. */
    int lastLength()
    {
        return lengths[count - 1];
    }

    void addAsset(final int assetId, final String code, final int scale)
    {
        final long sequence = count + 1L;
        addAsset.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .assetId(assetId)
            .putCode(ascii(code, AddAssetEncoder.codeLength()), 0)
            .scale(scale);
        commit(addAsset.encodedLength());
    }

    void addInstrument()
    {
        final long sequence = count + 1L;
        addInstrument.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .instrumentId(WorkloadInstrument.INSTRUMENT_ID)
            .putSymbol(ascii(WorkloadInstrument.SYMBOL, AddInstrumentEncoder.symbolLength()), 0)
            .baseAssetId(WorkloadInstrument.BASE_ASSET_ID)
            .quoteAssetId(WorkloadInstrument.QUOTE_ASSET_ID)
            .priceScale(WorkloadInstrument.PRICE_SCALE)
            .tickSize(WorkloadInstrument.TICK_SIZE)
            .lotSize(WorkloadInstrument.LOT_SIZE)
            .minQuantity(WorkloadInstrument.LOT_SIZE)
            .maxQuantity(WorkloadInstrument.MAX_LOTS * WorkloadInstrument.LOT_SIZE)
            .priceBandBps(WorkloadInstrument.PRICE_BAND_BPS)
            .makerFeePpm(WorkloadInstrument.MAKER_FEE_PPM)
            .takerFeePpm(WorkloadInstrument.TAKER_FEE_PPM)
            .referencePrice(WorkloadInstrument.MID_PRICE);
        commit(addInstrument.encodedLength());
    }

    void createAccount(final long accountId)
    {
        final long sequence = count + 1L;
        createAccount.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId)
            .stpMode(StpMode.ACCOUNT_DEFAULT);
        commit(createAccount.encodedLength());
    }

    void deposit(final long accountId, final int assetId, final long amount)
    {
        final long sequence = count + 1L;
        deposit.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId)
            .assetId(assetId)
            .amount(amount);
        commit(deposit.encodedLength());
    }

    void limitOrder(final long accountId, final Side side, final long price, final long quantity, final TimeInForce timeInForce)
    {
        final long sequence = count + 1L;
        newOrder.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId)
            .instrumentId(WorkloadInstrument.INSTRUMENT_ID)
            .putClientOrderId(BLANK_CLIENT_ORDER_ID, 0)
            .side(side)
            .orderType(OrderType.LIMIT)
            .timeInForce(timeInForce)
            .postOnly(BooleanType.FALSE)
            .stpMode(StpMode.ACCOUNT_DEFAULT)
            .price(price)
            .quantity(quantity)
            .stopPrice(0)
            .displayQuantity(0);
        commit(newOrder.encodedLength());
    }

    void cancelOrder(final long accountId, final long orderId)
    {
        final long sequence = count + 1L;
        cancelOrder.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId)
            .orderId(orderId)
            .putClientOrderId(BLANK_CLIENT_ORDER_ID, 0);
        commit(cancelOrder.encodedLength());
    }

    void replaceOrder(final long accountId, final long orderId, final long newPrice, final long newQuantity)
    {
        final long sequence = count + 1L;
        replaceOrder.wrapAndApplyHeader(buffer, position, header)
            .sequence(sequence).timestampNs(sequence * TIMESTAMP_STEP_NS).sourceId(SOURCE_ID).correlationId(sequence)
            .accountId(accountId)
            .orderId(orderId)
            .putClientOrderId(BLANK_CLIENT_ORDER_ID, 0)
            .newPrice(newPrice)
            .newQuantity(newQuantity);
        commit(replaceOrder.encodedLength());
    }

    private void commit(final int blockLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        offsets[count] = position;
        lengths[count] = length;
        count++;
        position += length;
    }

    private static byte[] ascii(final String text, final int length)
    {
        final byte[] padded = new byte[length];
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }
}
