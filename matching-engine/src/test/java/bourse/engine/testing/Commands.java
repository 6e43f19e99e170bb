package bourse.engine.testing;

import bourse.sbe.AddAssetEncoder;
import bourse.sbe.AddInstrumentEncoder;
import bourse.sbe.BooleanType;
import bourse.sbe.CancelOrderEncoder;
import bourse.sbe.CreateAccountEncoder;
import bourse.sbe.CreateApiKeyEncoder;
import bourse.sbe.DepositEncoder;
import bourse.sbe.HaltInstrumentEncoder;
import bourse.sbe.MassCancelEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.NewOrderEncoder;
import bourse.sbe.OrderType;
import bourse.sbe.ReplaceOrderEncoder;
import bourse.sbe.ResumeInstrumentEncoder;
import bourse.sbe.RevokeApiKeyEncoder;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import bourse.sbe.WithdrawEncoder;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Fluent builders for every engine command, encoded with the generated SBE encoders:
 * <pre>{@code
 * Command order = Commands.newOrder().account(1).instrument(1).buy().limit(3_000_000).quantity(5_000_000).gtc().build();
 * }</pre>
 * {@code sequence} and {@code timestampNs} are filled in automatically (monotonically increasing) unless set;
 * {@code correlationId} defaults to the sequence and {@code sourceId} to 1. Enum fields can also be set to raw
 * values outside their enum and fixed char fields to raw bytes, so tests can send the malformed commands the
 * rulebook rejects.
 */
public final class Commands
{
    private static final AtomicLong AUTO_SEQUENCE = new AtomicLong();
    private static final int CLIENT_ORDER_ID_LENGTH = NewOrderEncoder.clientOrderIdLength();

    private Commands()
    {
    }

    public static NewOrder newOrder()
    {
        return new NewOrder();
    }

    public static CancelOrder cancelOrder()
    {
        return new CancelOrder();
    }

    public static ReplaceOrder replaceOrder()
    {
        return new ReplaceOrder();
    }

    public static MassCancel massCancel()
    {
        return new MassCancel();
    }

    public static Transfer deposit()
    {
        return new Transfer(true);
    }

    public static Transfer withdraw()
    {
        return new Transfer(false);
    }

    public static CreateAccount createAccount()
    {
        return new CreateAccount();
    }

    public static AddInstrument addInstrument()
    {
        return new AddInstrument();
    }

    public static HaltInstrument haltInstrument()
    {
        return new HaltInstrument();
    }

    public static ResumeInstrument resumeInstrument()
    {
        return new ResumeInstrument();
    }

    public static AddAsset addAsset()
    {
        return new AddAsset();
    }

    public static CreateApiKey createApiKey()
    {
        return new CreateApiKey();
    }

    public static RevokeApiKey revokeApiKey()
    {
        return new RevokeApiKey();
    }

    /** The SHA-256 of an API key, as the engine keeps it. */
    public static byte[] apiKeyHash(final String apiKey)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }

    /**
     * Anything at all behind a message header: wrong schema ids, template ids that are not commands, short
     * blocks. The header's block length is the length of {@code block}.
     */
    public static Raw raw(final int schemaId, final int templateId, final byte[] block)
    {
        return new Raw(schemaId, templateId, block);
    }

    /** The bytes of a fixed char field: ASCII, NUL padded (longer text is a test bug). */
    public static byte[] ascii(final String text, final int length)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length)
        {
            throw new IllegalArgumentException("'" + text + "' is longer than " + length + " bytes");
        }
        final byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    /**
     * What every command has: the sequencer's stamp and the sender's identity.
     */
    public abstract static class Builder<B extends Builder<B>>
    {
        private boolean sequenceSet;
        private long sequence;
        private boolean timestampSet;
        private long timestampNs;
        private int sourceId = 1;
        private boolean correlationIdSet;
        private long correlationId;

        public final B sequence(final long sequence)
        {
            this.sequence = sequence;
            sequenceSet = true;
            return self();
        }

        public final B timestampNs(final long timestampNs)
        {
            this.timestampNs = timestampNs;
            timestampSet = true;
            return self();
        }

        public final B sourceId(final int sourceId)
        {
            this.sourceId = sourceId;
            return self();
        }

        public final B correlationId(final long correlationId)
        {
            this.correlationId = correlationId;
            correlationIdSet = true;
            return self();
        }

        /** Encodes with the next JVM-wide automatic sequence unless a sequence was set. */
        public final Command build()
        {
            return build(sequenceSet ? sequence : AUTO_SEQUENCE.incrementAndGet());
        }

        /** Encodes with {@code autoSequence} unless a sequence was set (a venue numbers its own commands). */
        public final Command build(final long autoSequence)
        {
            final long seq = sequenceSet ? sequence : autoSequence;
            final Stamp stamp = new Stamp(
                seq, timestampSet ? timestampNs : seq * 1_000_000L, sourceId, correlationIdSet ? correlationId : seq);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + blockLength()]);
            final int length = encode(buffer, new MessageHeaderEncoder(), stamp);
            return new Command(buffer, 0, length, describe(stamp));
        }

        @Override
        public final String toString()
        {
            return describe(new Stamp(sequence, timestampNs, sourceId, correlationId));
        }

        abstract int blockLength();

        /** Writes header and block at offset 0 and returns the whole length. */
        abstract int encode(MutableDirectBuffer buffer, MessageHeaderEncoder header, Stamp stamp);

        abstract String describe(Stamp stamp);

        @SuppressWarnings("unchecked")
        private B self()
        {
            return (B)this;
        }
    }

    record Stamp(long sequence, long timestampNs, int sourceId, long correlationId)
    {
        String text()
        {
            return "seq=" + sequence + " ts=" + timestampNs + " src=" + sourceId + " corr=" + correlationId;
        }
    }

    public static final class NewOrder extends Builder<NewOrder>
    {
        private static final int BODY = MessageHeaderEncoder.ENCODED_LENGTH;

        private long accountId = 1;
        private int instrumentId = 1;
        private byte[] clientOrderId = new byte[CLIENT_ORDER_ID_LENGTH];
        private short side = Side.BUY.value();
        private short orderType = OrderType.LIMIT.value();
        private short timeInForce = TimeInForce.GTC.value();
        private short postOnly = BooleanType.FALSE.value();
        private short stpMode = StpMode.ACCOUNT_DEFAULT.value();
        private long price;
        private long quantity;
        private long stopPrice;
        private long displayQuantity;

        public NewOrder account(final long accountId)
        {
            this.accountId = accountId;
            return this;
        }

        public NewOrder instrument(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        public NewOrder clientOrderId(final String clientOrderId)
        {
            this.clientOrderId = ascii(clientOrderId, CLIENT_ORDER_ID_LENGTH);
            return this;
        }

        public NewOrder clientOrderIdBytes(final byte[] clientOrderId)
        {
            this.clientOrderId = clientOrderId.clone();
            return this;
        }

        public NewOrder buy()
        {
            return side(Side.BUY);
        }

        public NewOrder sell()
        {
            return side(Side.SELL);
        }

        public NewOrder side(final Side side)
        {
            return sideRaw(side.value());
        }

        public NewOrder sideRaw(final int side)
        {
            this.side = (short)side;
            return this;
        }

        /** A LIMIT order at {@code price}. */
        public NewOrder limit(final long price)
        {
            this.price = price;
            return orderType(OrderType.LIMIT);
        }

        /** A MARKET order: no price, and IOC as the rulebook requires. */
        public NewOrder market()
        {
            price = 0;
            return orderType(OrderType.MARKET).ioc();
        }

        /** A STOP (stop market) order: no price, IOC, triggered at {@code stopPrice}. */
        public NewOrder stop(final long stopPrice)
        {
            price = 0;
            this.stopPrice = stopPrice;
            return orderType(OrderType.STOP).ioc();
        }

        /** A STOP_LIMIT order: a limit order at {@code price} once the last trade reaches {@code stopPrice}. */
        public NewOrder stopLimit(final long stopPrice, final long price)
        {
            this.stopPrice = stopPrice;
            this.price = price;
            return orderType(OrderType.STOP_LIMIT);
        }

        public NewOrder orderType(final OrderType orderType)
        {
            return orderTypeRaw(orderType.value());
        }

        public NewOrder orderTypeRaw(final int orderType)
        {
            this.orderType = (short)orderType;
            return this;
        }

        public NewOrder price(final long price)
        {
            this.price = price;
            return this;
        }

        public NewOrder stopPrice(final long stopPrice)
        {
            this.stopPrice = stopPrice;
            return this;
        }

        public NewOrder quantity(final long quantity)
        {
            this.quantity = quantity;
            return this;
        }

        /** An iceberg: only {@code displayQuantity} of it shows in the book at a time. */
        public NewOrder display(final long displayQuantity)
        {
            this.displayQuantity = displayQuantity;
            return this;
        }

        public NewOrder gtc()
        {
            return timeInForce(TimeInForce.GTC);
        }

        public NewOrder ioc()
        {
            return timeInForce(TimeInForce.IOC);
        }

        public NewOrder fok()
        {
            return timeInForce(TimeInForce.FOK);
        }

        public NewOrder timeInForce(final TimeInForce timeInForce)
        {
            return timeInForceRaw(timeInForce.value());
        }

        public NewOrder timeInForceRaw(final int timeInForce)
        {
            this.timeInForce = (short)timeInForce;
            return this;
        }

        public NewOrder postOnly()
        {
            return postOnlyRaw(BooleanType.TRUE.value());
        }

        public NewOrder postOnlyRaw(final int postOnly)
        {
            this.postOnly = (short)postOnly;
            return this;
        }

        public NewOrder stp(final StpMode stpMode)
        {
            return stpRaw(stpMode.value());
        }

        public NewOrder stpRaw(final int stpMode)
        {
            this.stpMode = (short)stpMode;
            return this;
        }

        @Override
        int blockLength()
        {
            return NewOrderEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .instrumentId(instrumentId)
                .putClientOrderId(clientOrderId, 0)
                .price(price)
                .quantity(quantity)
                .stopPrice(stopPrice)
                .displayQuantity(displayQuantity);
            // Enums go in as raw bytes so that invalid values can be sent too.
            buffer.putByte(BODY + NewOrderEncoder.sideEncodingOffset(), (byte)side);
            buffer.putByte(BODY + NewOrderEncoder.orderTypeEncodingOffset(), (byte)orderType);
            buffer.putByte(BODY + NewOrderEncoder.timeInForceEncodingOffset(), (byte)timeInForce);
            buffer.putByte(BODY + NewOrderEncoder.postOnlyEncodingOffset(), (byte)postOnly);
            buffer.putByte(BODY + NewOrderEncoder.stpModeEncodingOffset(), (byte)stpMode);
            return BODY + encoder.encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "NewOrder{" + stamp.text() + " account=" + accountId + " instrument=" + instrumentId +
                " clOrdId='" + EventDecoding.fixedString(clientOrderId) + "' " +
                enumName(side, Side::get) + " " + enumName(orderType, OrderType::get) + " " +
                enumName(timeInForce, TimeInForce::get) + " price=" + price + " qty=" + quantity +
                " stop=" + stopPrice + " display=" + displayQuantity +
                " postOnly=" + enumName(postOnly, BooleanType::get) +
                " stp=" + enumName(stpMode, StpMode::get) + "}";
        }
    }

    public static final class CancelOrder extends Builder<CancelOrder>
    {
        private long accountId = 1;
        private long orderId;
        private byte[] clientOrderId = new byte[CLIENT_ORDER_ID_LENGTH];

        public CancelOrder account(final long accountId)
        {
            this.accountId = accountId;
            return this;
        }

        public CancelOrder orderId(final long orderId)
        {
            this.orderId = orderId;
            return this;
        }

        /** Cancel by client order id: only used when the order id is 0. */
        public CancelOrder clientOrderId(final String clientOrderId)
        {
            this.clientOrderId = ascii(clientOrderId, CLIENT_ORDER_ID_LENGTH);
            return this;
        }

        public CancelOrder clientOrderIdBytes(final byte[] clientOrderId)
        {
            this.clientOrderId = clientOrderId.clone();
            return this;
        }

        @Override
        int blockLength()
        {
            return CancelOrderEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .orderId(orderId)
                .putClientOrderId(clientOrderId, 0)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "CancelOrder{" + stamp.text() + " account=" + accountId + " orderId=" + orderId +
                " clOrdId='" + EventDecoding.fixedString(clientOrderId) + "'}";
        }
    }

    public static final class ReplaceOrder extends Builder<ReplaceOrder>
    {
        private long accountId = 1;
        private long orderId;
        private byte[] clientOrderId = new byte[CLIENT_ORDER_ID_LENGTH];
        private long newPrice;
        private long newQuantity;

        public ReplaceOrder account(final long accountId)
        {
            this.accountId = accountId;
            return this;
        }

        public ReplaceOrder orderId(final long orderId)
        {
            this.orderId = orderId;
            return this;
        }

        /** Find the order by client order id: only used when the order id is 0. */
        public ReplaceOrder clientOrderId(final String clientOrderId)
        {
            this.clientOrderId = ascii(clientOrderId, CLIENT_ORDER_ID_LENGTH);
            return this;
        }

        public ReplaceOrder price(final long newPrice)
        {
            this.newPrice = newPrice;
            return this;
        }

        /** The new remaining (open) quantity. */
        public ReplaceOrder quantity(final long newQuantity)
        {
            this.newQuantity = newQuantity;
            return this;
        }

        @Override
        int blockLength()
        {
            return ReplaceOrderEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new ReplaceOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .orderId(orderId)
                .putClientOrderId(clientOrderId, 0)
                .newPrice(newPrice)
                .newQuantity(newQuantity)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "ReplaceOrder{" + stamp.text() + " account=" + accountId + " orderId=" + orderId +
                " clOrdId='" + EventDecoding.fixedString(clientOrderId) + "' newPrice=" + newPrice +
                " newQty=" + newQuantity + "}";
        }
    }

    public static final class MassCancel extends Builder<MassCancel>
    {
        private long accountId = 1;
        private int instrumentId;

        public MassCancel account(final long accountId)
        {
            this.accountId = accountId;
            return this;
        }

        /** Only this instrument's orders; 0 (the default) for every instrument. */
        public MassCancel instrument(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        @Override
        int blockLength()
        {
            return MassCancelEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new MassCancelEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .instrumentId(instrumentId)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "MassCancel{" + stamp.text() + " account=" + accountId + " instrument=" + instrumentId + "}";
        }
    }

    /** A Deposit or a Withdraw: the two messages have the same fields. */
    public static final class Transfer extends Builder<Transfer>
    {
        private final boolean deposit;
        private long accountId = 1;
        private int assetId;
        private long amount;

        private Transfer(final boolean deposit)
        {
            this.deposit = deposit;
        }

        public Transfer account(final long accountId)
        {
            this.accountId = accountId;
            return this;
        }

        public Transfer asset(final int assetId)
        {
            this.assetId = assetId;
            return this;
        }

        public Transfer amount(final long amount)
        {
            this.amount = amount;
            return this;
        }

        @Override
        int blockLength()
        {
            return deposit ? DepositEncoder.BLOCK_LENGTH : WithdrawEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            if (deposit)
            {
                return MessageHeaderEncoder.ENCODED_LENGTH + new DepositEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .sequence(stamp.sequence())
                    .timestampNs(stamp.timestampNs())
                    .sourceId(stamp.sourceId())
                    .correlationId(stamp.correlationId())
                    .accountId(accountId)
                    .assetId(assetId)
                    .amount(amount)
                    .encodedLength();
            }
            return MessageHeaderEncoder.ENCODED_LENGTH + new WithdrawEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .assetId(assetId)
                .amount(amount)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return (deposit ? "Deposit{" : "Withdraw{") + stamp.text() + " account=" + accountId +
                " asset=" + assetId + " amount=" + amount + "}";
        }
    }

    public static final class CreateAccount extends Builder<CreateAccount>
    {
        private long accountId = 1;
        private short stpMode = StpMode.ACCOUNT_DEFAULT.value();

        public CreateAccount account(final long accountId)
        {
            this.accountId = accountId;
            return this;
        }

        public CreateAccount stp(final StpMode stpMode)
        {
            return stpRaw(stpMode.value());
        }

        public CreateAccount stpRaw(final int stpMode)
        {
            this.stpMode = (short)stpMode;
            return this;
        }

        @Override
        int blockLength()
        {
            return CreateAccountEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            final int length = MessageHeaderEncoder.ENCODED_LENGTH +
                new CreateAccountEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .sequence(stamp.sequence())
                    .timestampNs(stamp.timestampNs())
                    .sourceId(stamp.sourceId())
                    .correlationId(stamp.correlationId())
                    .accountId(accountId)
                    .encodedLength();
            buffer.putByte(
                MessageHeaderEncoder.ENCODED_LENGTH + CreateAccountEncoder.stpModeEncodingOffset(), (byte)stpMode);
            return length;
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "CreateAccount{" + stamp.text() + " account=" + accountId +
                " stp=" + enumName(stpMode, StpMode::get) + "}";
        }
    }

    /**
     * Defaults describe BTC-USD as {@link TestVenue} sets it up: price in cents per BTC, tick 1 USD,
     * lot 0.01 BTC, so one tick times one lot is exactly 1 cent.
     */
    public static final class AddInstrument extends Builder<AddInstrument>
    {
        private int instrumentId = 1;
        private byte[] symbol = ascii("BTC-USD", AddInstrumentEncoder.symbolLength());
        private int baseAssetId = 1;
        private int quoteAssetId = 2;
        private int priceScale = 2;
        private long tickSize = 100;
        private long lotSize = 1_000_000;
        private long minQuantity = 1_000_000;
        private long maxQuantity = 1_000_000_000;
        private int priceBandBps = 1_000;
        private int makerFeePpm = 1_000;
        private int takerFeePpm = 2_000;
        private long referencePrice = 3_000_000;

        public AddInstrument instrument(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        public AddInstrument symbol(final String symbol)
        {
            this.symbol = ascii(symbol, AddInstrumentEncoder.symbolLength());
            return this;
        }

        public AddInstrument symbolBytes(final byte[] symbol)
        {
            this.symbol = symbol.clone();
            return this;
        }

        public AddInstrument base(final int baseAssetId)
        {
            this.baseAssetId = baseAssetId;
            return this;
        }

        public AddInstrument quote(final int quoteAssetId)
        {
            this.quoteAssetId = quoteAssetId;
            return this;
        }

        public AddInstrument priceScale(final int priceScale)
        {
            this.priceScale = priceScale;
            return this;
        }

        public AddInstrument tickSize(final long tickSize)
        {
            this.tickSize = tickSize;
            return this;
        }

        public AddInstrument lotSize(final long lotSize)
        {
            this.lotSize = lotSize;
            return this;
        }

        public AddInstrument minQuantity(final long minQuantity)
        {
            this.minQuantity = minQuantity;
            return this;
        }

        public AddInstrument maxQuantity(final long maxQuantity)
        {
            this.maxQuantity = maxQuantity;
            return this;
        }

        public AddInstrument bandBps(final int priceBandBps)
        {
            this.priceBandBps = priceBandBps;
            return this;
        }

        public AddInstrument makerFeePpm(final int makerFeePpm)
        {
            this.makerFeePpm = makerFeePpm;
            return this;
        }

        public AddInstrument takerFeePpm(final int takerFeePpm)
        {
            this.takerFeePpm = takerFeePpm;
            return this;
        }

        public AddInstrument referencePrice(final long referencePrice)
        {
            this.referencePrice = referencePrice;
            return this;
        }

        @Override
        int blockLength()
        {
            return AddInstrumentEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new AddInstrumentEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .instrumentId(instrumentId)
                .putSymbol(symbol, 0)
                .baseAssetId(baseAssetId)
                .quoteAssetId(quoteAssetId)
                .priceScale(priceScale)
                .tickSize(tickSize)
                .lotSize(lotSize)
                .minQuantity(minQuantity)
                .maxQuantity(maxQuantity)
                .priceBandBps(priceBandBps)
                .makerFeePpm(makerFeePpm)
                .takerFeePpm(takerFeePpm)
                .referencePrice(referencePrice)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "AddInstrument{" + stamp.text() + " instrument=" + instrumentId +
                " symbol='" + EventDecoding.fixedString(symbol) + "' base=" + baseAssetId + " quote=" + quoteAssetId +
                " priceScale=" + priceScale + " tick=" + tickSize + " lot=" + lotSize + " min=" + minQuantity +
                " max=" + maxQuantity + " bandBps=" + priceBandBps + " makerPpm=" + makerFeePpm +
                " takerPpm=" + takerFeePpm + " ref=" + referencePrice + "}";
        }
    }

    public static final class HaltInstrument extends Builder<HaltInstrument>
    {
        private int instrumentId = 1;
        private short cancelOrders = BooleanType.FALSE.value();

        public HaltInstrument instrument(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        /** Also cancel every open order of the instrument. */
        public HaltInstrument cancelOrders()
        {
            return cancelOrdersRaw(BooleanType.TRUE.value());
        }

        public HaltInstrument cancelOrdersRaw(final int cancelOrders)
        {
            this.cancelOrders = (short)cancelOrders;
            return this;
        }

        @Override
        int blockLength()
        {
            return HaltInstrumentEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            final int length = MessageHeaderEncoder.ENCODED_LENGTH +
                new HaltInstrumentEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .sequence(stamp.sequence())
                    .timestampNs(stamp.timestampNs())
                    .sourceId(stamp.sourceId())
                    .correlationId(stamp.correlationId())
                    .instrumentId(instrumentId)
                    .encodedLength();
            buffer.putByte(
                MessageHeaderEncoder.ENCODED_LENGTH + HaltInstrumentEncoder.cancelOrdersEncodingOffset(),
                (byte)cancelOrders);
            return length;
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "HaltInstrument{" + stamp.text() + " instrument=" + instrumentId +
                " cancelOrders=" + enumName(cancelOrders, BooleanType::get) + "}";
        }
    }

    public static final class ResumeInstrument extends Builder<ResumeInstrument>
    {
        private int instrumentId = 1;

        public ResumeInstrument instrument(final int instrumentId)
        {
            this.instrumentId = instrumentId;
            return this;
        }

        @Override
        int blockLength()
        {
            return ResumeInstrumentEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH +
                new ResumeInstrumentEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .sequence(stamp.sequence())
                    .timestampNs(stamp.timestampNs())
                    .sourceId(stamp.sourceId())
                    .correlationId(stamp.correlationId())
                    .instrumentId(instrumentId)
                    .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "ResumeInstrument{" + stamp.text() + " instrument=" + instrumentId + "}";
        }
    }

    public static final class AddAsset extends Builder<AddAsset>
    {
        private int assetId = 1;
        private byte[] code = new byte[AddAssetEncoder.codeLength()];
        private int scale;

        public AddAsset asset(final int assetId)
        {
            this.assetId = assetId;
            return this;
        }

        public AddAsset code(final String code)
        {
            this.code = ascii(code, AddAssetEncoder.codeLength());
            return this;
        }

        public AddAsset codeBytes(final byte[] code)
        {
            this.code = code.clone();
            return this;
        }

        public AddAsset scale(final int scale)
        {
            this.scale = scale;
            return this;
        }

        @Override
        int blockLength()
        {
            return AddAssetEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new AddAssetEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .assetId(assetId)
                .putCode(code, 0)
                .scale(scale)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "AddAsset{" + stamp.text() + " asset=" + assetId + " code='" + EventDecoding.fixedString(code) +
                "' scale=" + scale + "}";
        }
    }

    /** What giving and taking an API key have in common: the account and the key's hash. */
    public abstract static class ApiKeyCommand<T extends ApiKeyCommand<T>> extends Builder<T>
    {
        long accountId = 1;
        byte[] keyHash = new byte[CreateApiKeyEncoder.keyHashLength()];

        @SuppressWarnings("unchecked")
        public T account(final long accountId)
        {
            this.accountId = accountId;
            return (T)this;
        }

        /** The hash of this key. */
        public T key(final String apiKey)
        {
            return keyHash(apiKeyHash(apiKey));
        }

        @SuppressWarnings("unchecked")
        public T keyHash(final byte[] keyHash)
        {
            this.keyHash = keyHash.clone();
            return (T)this;
        }

        String describe(final String name, final Stamp stamp)
        {
            return name + "{" + stamp.text() + " account=" + accountId + " keyHash=" + HexFormat.of().formatHex(keyHash) + "}";
        }
    }

    public static final class CreateApiKey extends ApiKeyCommand<CreateApiKey>
    {
        @Override
        int blockLength()
        {
            return CreateApiKeyEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new CreateApiKeyEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .putKeyHash(keyHash, 0, keyHash.length)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return describe("CreateApiKey", stamp);
        }
    }

    public static final class RevokeApiKey extends ApiKeyCommand<RevokeApiKey>
    {
        @Override
        int blockLength()
        {
            return RevokeApiKeyEncoder.BLOCK_LENGTH;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            return MessageHeaderEncoder.ENCODED_LENGTH + new RevokeApiKeyEncoder().wrapAndApplyHeader(buffer, 0, header)
                .sequence(stamp.sequence())
                .timestampNs(stamp.timestampNs())
                .sourceId(stamp.sourceId())
                .correlationId(stamp.correlationId())
                .accountId(accountId)
                .putKeyHash(keyHash, 0, keyHash.length)
                .encodedLength();
        }

        @Override
        String describe(final Stamp stamp)
        {
            return describe("RevokeApiKey", stamp);
        }
    }

    /**
     * A header and arbitrary block bytes. When the block is long enough its first 28 bytes are overwritten with
     * the stamp (sequence, timestampNs, sourceId, correlationId), where every Bourse message keeps them.
     */
    public static final class Raw extends Builder<Raw>
    {
        private static final int STAMP_LENGTH = 28;

        private final int schemaId;
        private final int templateId;
        private final byte[] block;

        private Raw(final int schemaId, final int templateId, final byte[] block)
        {
            this.schemaId = schemaId;
            this.templateId = templateId;
            this.block = block.clone();
        }

        @Override
        int blockLength()
        {
            return block.length;
        }

        @Override
        int encode(final MutableDirectBuffer buffer, final MessageHeaderEncoder header, final Stamp stamp)
        {
            header.wrap(buffer, 0).blockLength(block.length).templateId(templateId).schemaId(schemaId).version(0);
            final int body = MessageHeaderEncoder.ENCODED_LENGTH;
            buffer.putBytes(body, block);
            if (block.length >= STAMP_LENGTH)
            {
                buffer.putLong(body, stamp.sequence(), ByteOrder.LITTLE_ENDIAN);
                buffer.putLong(body + 8, stamp.timestampNs(), ByteOrder.LITTLE_ENDIAN);
                buffer.putInt(body + 16, stamp.sourceId(), ByteOrder.LITTLE_ENDIAN);
                buffer.putLong(body + 20, stamp.correlationId(), ByteOrder.LITTLE_ENDIAN);
            }
            return body + block.length;
        }

        @Override
        String describe(final Stamp stamp)
        {
            return "Raw{" + (block.length >= STAMP_LENGTH ? stamp.text() + " " : "") + "schemaId=" + schemaId +
                " templateId=" + templateId + " blockLength=" + block.length + "}";
        }
    }

    /** The enum's name, or raw(n) for a value outside it (which the generated lookup refuses). */
    private static String enumName(final short raw, final Function<Short, Enum<?>> lookup)
    {
        try
        {
            final Enum<?> value = lookup.apply(raw);
            if (!"NULL_VAL".equals(value.name()))
            {
                return value.name();
            }
        }
        catch (final IllegalArgumentException ignored)
        {
            // not one of the enum's values: shown raw below
        }
        return "raw(" + raw + ")";
    }
}
