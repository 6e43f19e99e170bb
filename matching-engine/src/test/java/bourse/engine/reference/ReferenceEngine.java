package bourse.engine.reference;

import bourse.engine.testing.Command;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.EventDecoding;
import bourse.engine.testing.TestVenue;
import bourse.sbe.AddAssetDecoder;
import bourse.sbe.AddInstrumentDecoder;
import bourse.sbe.BalanceReason;
import bourse.sbe.BookAction;
import bourse.sbe.BooleanType;
import bourse.sbe.CancelOrderDecoder;
import bourse.sbe.CancelReason;
import bourse.sbe.CreateAccountDecoder;
import bourse.sbe.CreateApiKeyDecoder;
import bourse.sbe.RevokeApiKeyDecoder;
import bourse.sbe.DepositDecoder;
import bourse.sbe.HaltInstrumentDecoder;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.MassCancelDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.NewOrderDecoder;
import bourse.sbe.OrderType;
import bourse.sbe.RejectReason;
import bourse.sbe.ReplaceOrderDecoder;
import bourse.sbe.ResumeInstrumentDecoder;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import bourse.sbe.WithdrawDecoder;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.DirectBuffer;

/**
 * A second implementation of docs/rulebook.md, written to be obviously right rather than fast: plain
 * collections scanned and sorted on every question, {@link BigInteger} money, one method per rule. It takes
 * the same SBE commands as {@code MatchingEngine}, answers each with its events as {@link EngineEvent}
 * values, and writes the same canonical state dump, so a property test can hold the two side by side.
 * <pre>{@code
 * TestVenue oracle = TestVenue.over(new ReferenceEngine(1_000)).withBtcUsd();
 * }</pre>
 */
public final class ReferenceEngine implements TestVenue.Engine
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    /** sequence, timestampNs, sourceId, correlationId: the start of every command's block. */
    private static final int STAMP_LENGTH = 28;
    private static final int CLIENT_ORDER_ID_LENGTH = 36;
    private static final byte[] NO_CLIENT_ORDER_ID = new byte[CLIENT_ORDER_ID_LENGTH];
    private static final Map<Integer, Integer> COMMAND_BLOCK_LENGTHS = Map.ofEntries(
        Map.entry(NewOrderDecoder.TEMPLATE_ID, NewOrderDecoder.BLOCK_LENGTH),
        Map.entry(CancelOrderDecoder.TEMPLATE_ID, CancelOrderDecoder.BLOCK_LENGTH),
        Map.entry(ReplaceOrderDecoder.TEMPLATE_ID, ReplaceOrderDecoder.BLOCK_LENGTH),
        Map.entry(MassCancelDecoder.TEMPLATE_ID, MassCancelDecoder.BLOCK_LENGTH),
        Map.entry(DepositDecoder.TEMPLATE_ID, DepositDecoder.BLOCK_LENGTH),
        Map.entry(WithdrawDecoder.TEMPLATE_ID, WithdrawDecoder.BLOCK_LENGTH),
        Map.entry(CreateAccountDecoder.TEMPLATE_ID, CreateAccountDecoder.BLOCK_LENGTH),
        Map.entry(AddInstrumentDecoder.TEMPLATE_ID, AddInstrumentDecoder.BLOCK_LENGTH),
        Map.entry(HaltInstrumentDecoder.TEMPLATE_ID, HaltInstrumentDecoder.BLOCK_LENGTH),
        Map.entry(ResumeInstrumentDecoder.TEMPLATE_ID, ResumeInstrumentDecoder.BLOCK_LENGTH),
        Map.entry(AddAssetDecoder.TEMPLATE_ID, AddAssetDecoder.BLOCK_LENGTH),
        Map.entry(CreateApiKeyDecoder.TEMPLATE_ID, CreateApiKeyDecoder.BLOCK_LENGTH),
        Map.entry(RevokeApiKeyDecoder.TEMPLATE_ID, RevokeApiKeyDecoder.BLOCK_LENGTH));

    private final int maxOpenOrdersPerAccount;
    private final TreeMap<Integer, Asset> assets = new TreeMap<>();
    private final TreeMap<Integer, Instrument> instruments = new TreeMap<>();
    private final TreeMap<Long, Account> accounts = new TreeMap<>();
    /** Every open order (resting or pending stop) by order id, so iteration is in ascending order id. */
    private final TreeMap<Long, Order> openOrders = new TreeMap<>();
    private final TreeMap<Integer, Long> feesCollected = new TreeMap<>();
    /** Every API key's hash, in hex, and whose it is. */
    private final TreeMap<String, Long> apiKeyOwners = new TreeMap<>();

    private long lastSequence;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private long nextQueueTicket = 1;

    private List<EngineEvent> events;
    private int templateId;
    private long sequence;
    private long timestampNs;
    private int sourceId;
    private long correlationId;

    public ReferenceEngine(final int maxOpenOrdersPerAccount)
    {
        this.maxOpenOrdersPerAccount = maxOpenOrdersPerAccount;
    }

    @Override
    public List<EngineEvent> onCommand(final Command command)
    {
        events = new ArrayList<>();
        final DirectBuffer buffer = command.buffer();
        final int offset = command.offset();
        final int length = command.length();
        if (length < HEADER_LENGTH)
        {
            onUnknownCommand(buffer, offset, length, 0, 0);
            return events;
        }
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        final int blockLength = header.blockLength();
        final Integer commandBlockLength = COMMAND_BLOCK_LENGTHS.get(header.templateId());
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || commandBlockLength == null ||
            blockLength < commandBlockLength || length < HEADER_LENGTH + blockLength)
        {
            onUnknownCommand(buffer, offset, length, header.templateId(), blockLength);
            return events;
        }
        final int body = offset + HEADER_LENGTH;
        final int version = header.version();
        switch (header.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                onNewOrder(new NewOrderDecoder().wrap(buffer, body, blockLength, version));
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                onCancelOrder(new CancelOrderDecoder().wrap(buffer, body, blockLength, version));
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                onReplaceOrder(new ReplaceOrderDecoder().wrap(buffer, body, blockLength, version));
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                onMassCancel(new MassCancelDecoder().wrap(buffer, body, blockLength, version));
                break;
            case DepositDecoder.TEMPLATE_ID:
            {
                final DepositDecoder deposit = new DepositDecoder().wrap(buffer, body, blockLength, version);
                begin(DepositDecoder.TEMPLATE_ID,
                    deposit.sequence(), deposit.timestampNs(), deposit.sourceId(), deposit.correlationId());
                onTransfer(true, deposit.accountId(), deposit.assetId(), deposit.amount());
                break;
            }
            case WithdrawDecoder.TEMPLATE_ID:
            {
                final WithdrawDecoder withdraw = new WithdrawDecoder().wrap(buffer, body, blockLength, version);
                begin(WithdrawDecoder.TEMPLATE_ID,
                    withdraw.sequence(), withdraw.timestampNs(), withdraw.sourceId(), withdraw.correlationId());
                onTransfer(false, withdraw.accountId(), withdraw.assetId(), withdraw.amount());
                break;
            }
            case CreateAccountDecoder.TEMPLATE_ID:
                onCreateAccount(new CreateAccountDecoder().wrap(buffer, body, blockLength, version));
                break;
            case AddInstrumentDecoder.TEMPLATE_ID:
                onAddInstrument(new AddInstrumentDecoder().wrap(buffer, body, blockLength, version));
                break;
            case HaltInstrumentDecoder.TEMPLATE_ID:
                onHaltInstrument(new HaltInstrumentDecoder().wrap(buffer, body, blockLength, version));
                break;
            case ResumeInstrumentDecoder.TEMPLATE_ID:
                onResumeInstrument(new ResumeInstrumentDecoder().wrap(buffer, body, blockLength, version));
                break;
            case AddAssetDecoder.TEMPLATE_ID:
                onAddAsset(new AddAssetDecoder().wrap(buffer, body, blockLength, version));
                break;
            case CreateApiKeyDecoder.TEMPLATE_ID:
                onCreateApiKey(new CreateApiKeyDecoder().wrap(buffer, body, blockLength, version));
                break;
            case RevokeApiKeyDecoder.TEMPLATE_ID:
                onRevokeApiKey(new RevokeApiKeyDecoder().wrap(buffer, body, blockLength, version));
                break;
            default:
                throw new IllegalStateException("unreachable: template " + header.templateId());
        }
        return events;
    }

    /** An open order as a test sees it: enough to aim a cancel or an amend at it. */
    public record OpenOrder(
        long orderId, long accountId, int instrumentId, String clientOrderId, long price, long remaining)
    {
    }

    /** Every open order, resting or pending, in ascending order id. */
    public List<OpenOrder> openOrders()
    {
        return openOrders.values().stream()
            .map(order -> new OpenOrder(order.orderId, order.account.accountId, order.instrument.instrumentId,
                EventDecoding.fixedString(order.clientOrderId), order.price, order.remaining))
            .toList();
    }

    /** The instrument's last trade price, or its reference price before the first trade. */
    public long lastPrice(final int instrumentId)
    {
        return instruments.get(instrumentId).lastPrice;
    }

    // ---------------------------------------------------------------- command stamp and rejects

    private void begin(
        final int templateId, final long sequence, final long timestampNs, final int sourceId, final long correlationId)
    {
        this.templateId = templateId;
        this.sequence = sequence;
        this.timestampNs = timestampNs;
        this.sourceId = sourceId;
        this.correlationId = correlationId;
        lastSequence = sequence;
    }

    private void onUnknownCommand(
        final DirectBuffer buffer, final int offset, final int length, final int templateId, final int blockLength)
    {
        final int body = offset + HEADER_LENGTH;
        if (blockLength >= STAMP_LENGTH && length >= HEADER_LENGTH + STAMP_LENGTH)
        {
            begin(templateId,
                buffer.getLong(body, ByteOrder.LITTLE_ENDIAN),
                buffer.getLong(body + 8, ByteOrder.LITTLE_ENDIAN),
                buffer.getInt(body + 16, ByteOrder.LITTLE_ENDIAN),
                buffer.getLong(body + 20, ByteOrder.LITTLE_ENDIAN));
        }
        else
        {
            begin(templateId, 0, 0, 0, 0);
        }
        reject(RejectReason.UNKNOWN_COMMAND, 0, 0, 0, NO_CLIENT_ORDER_ID);
    }

    private void reject(
        final RejectReason reason, final long accountId, final int instrumentId, final long orderId,
        final byte[] clientOrderId)
    {
        events.add(new EngineEvent.CommandRejected(sequence, timestampNs, sourceId, correlationId,
            templateId, reason, accountId, instrumentId, orderId, EventDecoding.fixedString(clientOrderId)));
    }

    // ---------------------------------------------------------------- reference data and money

    private void onAddAsset(final AddAssetDecoder command)
    {
        begin(AddAssetDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final int assetId = command.assetId();
        final int scale = command.scale();
        final byte[] code = new byte[AddAssetDecoder.codeLength()];
        command.getCode(code, 0);
        if (assetId < 1 || assetId > 255 || scale < 0 || scale > 18 || code[0] == 0)
        {
            reject(RejectReason.INVALID_ASSET, 0, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        if (assets.containsKey(assetId))
        {
            reject(RejectReason.DUPLICATE_ASSET, 0, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        assets.put(assetId, new Asset(code, scale));
        events.add(new EngineEvent.AssetAdded(sequence, timestampNs, sourceId, correlationId,
            assetId, EventDecoding.fixedString(code), scale));
    }

    private void onAddInstrument(final AddInstrumentDecoder command)
    {
        begin(AddInstrumentDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final int instrumentId = command.instrumentId();
        final byte[] symbol = new byte[AddInstrumentDecoder.symbolLength()];
        command.getSymbol(symbol, 0);
        final RejectReason reason = addInstrumentRejection(command, symbol);
        if (reason != null)
        {
            reject(reason, 0, instrumentId, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        final long quotePerTickLot = Amounts.quotePerTickLot(command.tickSize(), command.lotSize(),
            assets.get(command.quoteAssetId()).scale(), command.priceScale(),
            assets.get(command.baseAssetId()).scale()).longValueExact();
        instruments.put(instrumentId, new Instrument(instrumentId, symbol, command.baseAssetId(),
            command.quoteAssetId(), command.tickSize(), command.lotSize(),
            command.minQuantity(), command.maxQuantity(), command.priceBandBps(), command.makerFeePpm(),
            command.takerFeePpm(), command.referencePrice(), quotePerTickLot));
        events.add(new EngineEvent.InstrumentAdded(sequence, timestampNs, sourceId, correlationId,
            instrumentId, EventDecoding.fixedString(symbol), command.baseAssetId(), command.quoteAssetId(),
            command.priceScale(), command.tickSize(), command.lotSize(), command.minQuantity(),
            command.maxQuantity(), command.priceBandBps(), command.makerFeePpm(), command.takerFeePpm(),
            command.referencePrice()));
    }

    private RejectReason addInstrumentRejection(final AddInstrumentDecoder command, final byte[] symbol)
    {
        if (command.instrumentId() <= 0)
        {
            return RejectReason.INVALID_INSTRUMENT;
        }
        if (instruments.containsKey(command.instrumentId()))
        {
            return RejectReason.DUPLICATE_INSTRUMENT;
        }
        if (!assets.containsKey(command.baseAssetId()) || !assets.containsKey(command.quoteAssetId()))
        {
            return RejectReason.UNKNOWN_ASSET;
        }
        final long tickSize = command.tickSize();
        final long lotSize = command.lotSize();
        final long minQuantity = command.minQuantity();
        final long maxQuantity = command.maxQuantity();
        final boolean specified = command.baseAssetId() != command.quoteAssetId() &&
            symbol[0] != 0 &&
            command.priceScale() >= 0 && command.priceScale() <= 18 &&
            tickSize > 0 &&
            lotSize > 0 &&
            minQuantity > 0 && minQuantity % lotSize == 0 &&
            maxQuantity >= minQuantity && maxQuantity % lotSize == 0 &&
            command.priceBandBps() >= 1 && command.priceBandBps() <= 10_000 &&
            command.makerFeePpm() >= 0 && command.makerFeePpm() <= 100_000 &&
            command.takerFeePpm() >= 0 && command.takerFeePpm() <= 100_000 &&
            command.referencePrice() > 0 && command.referencePrice() % tickSize == 0;
        if (!specified)
        {
            return RejectReason.INVALID_INSTRUMENT;
        }
        final BigInteger quotePerTickLot = Amounts.quotePerTickLot(tickSize, lotSize,
            assets.get(command.quoteAssetId()).scale(), command.priceScale(),
            assets.get(command.baseAssetId()).scale());
        if (quotePerTickLot == null || quotePerTickLot.signum() <= 0 ||
            quotePerTickLot.compareTo(Amounts.MAX_NOTIONAL) >= 0)
        {
            return RejectReason.INVALID_INSTRUMENT;
        }
        return null;
    }

    private void onCreateAccount(final CreateAccountDecoder command)
    {
        begin(CreateAccountDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final long accountId = command.accountId();
        final short stpMode = command.stpModeRaw();
        if (accountId <= 0 || stpMode > StpMode.CANCEL_BOTH.value())
        {
            reject(RejectReason.INVALID_ACCOUNT, accountId, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        if (accounts.containsKey(accountId))
        {
            reject(RejectReason.DUPLICATE_ACCOUNT, accountId, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        final StpMode stored =
            stpMode == StpMode.ACCOUNT_DEFAULT.value() ? StpMode.CANCEL_NEWEST : StpMode.get(stpMode);
        accounts.put(accountId, new Account(accountId, stored));
        events.add(new EngineEvent.AccountCreated(sequence, timestampNs, sourceId, correlationId, accountId, stored));
    }

    private void onCreateApiKey(final CreateApiKeyDecoder command)
    {
        begin(CreateApiKeyDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final long accountId = command.accountId();
        final byte[] keyHash = new byte[CreateApiKeyDecoder.keyHashLength()];
        command.getKeyHash(keyHash, 0, keyHash.length);
        final String hex = HexFormat.of().formatHex(keyHash);
        final RejectReason invalid = keyCommandReject(accountId, hex);
        final RejectReason reason = invalid != null ? invalid : apiKeyOwners.containsKey(hex) ? RejectReason.DUPLICATE_API_KEY : null;
        if (reason != null)
        {
            reject(reason, accountId, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        apiKeyOwners.put(hex, accountId);
        events.add(new EngineEvent.ApiKeyCreated(sequence, timestampNs, sourceId, correlationId, accountId, hex));
    }

    private void onRevokeApiKey(final RevokeApiKeyDecoder command)
    {
        begin(RevokeApiKeyDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final long accountId = command.accountId();
        final byte[] keyHash = new byte[RevokeApiKeyDecoder.keyHashLength()];
        command.getKeyHash(keyHash, 0, keyHash.length);
        final String hex = HexFormat.of().formatHex(keyHash);
        final RejectReason invalid = keyCommandReject(accountId, hex);
        final RejectReason reason = invalid != null ? invalid :
            !Long.valueOf(accountId).equals(apiKeyOwners.get(hex)) ? RejectReason.UNKNOWN_API_KEY : null;
        if (reason != null)
        {
            reject(reason, accountId, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        apiKeyOwners.remove(hex);
        events.add(new EngineEvent.ApiKeyRevoked(sequence, timestampNs, sourceId, correlationId, accountId, hex));
    }

    /** Both key commands check the account, then that the hash is not blank. */
    private RejectReason keyCommandReject(final long accountId, final String hex)
    {
        return !accounts.containsKey(accountId) ? RejectReason.UNKNOWN_ACCOUNT :
            hex.equals("0".repeat(hex.length())) ? RejectReason.INVALID_API_KEY : null;
    }

    private void onTransfer(final boolean deposit, final long accountId, final int assetId, final long amount)
    {
        final Account account = accounts.get(accountId);
        final RejectReason reason;
        if (account == null)
        {
            reason = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (!assets.containsKey(assetId))
        {
            reason = RejectReason.UNKNOWN_ASSET;
        }
        else if (amount <= 0 || (deposit && supplyOf(assetId).add(BigInteger.valueOf(amount)).bitLength() > 63))
        {
            reason = RejectReason.INVALID_AMOUNT;
        }
        else if (!deposit && amount > account.available(assetId))
        {
            reason = RejectReason.INSUFFICIENT_BALANCE;
        }
        else
        {
            reason = null;
        }
        if (reason != null)
        {
            reject(reason, accountId, 0, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        account.balance(assetId).total += deposit ? amount : -amount;
        balanceChanged(account, assetId, deposit ? BalanceReason.DEPOSIT : BalanceReason.WITHDRAWAL);
    }

    /** Every account's total of the asset plus the fees collected in it. */
    private BigInteger supplyOf(final int assetId)
    {
        BigInteger supply = BigInteger.valueOf(feesCollected.getOrDefault(assetId, 0L));
        for (final Account account : accounts.values())
        {
            supply = supply.add(BigInteger.valueOf(account.balance(assetId).total));
        }
        return supply;
    }

    // ---------------------------------------------------------------- new orders

    private void onNewOrder(final NewOrderDecoder command)
    {
        begin(NewOrderDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final byte[] clientOrderId = new byte[CLIENT_ORDER_ID_LENGTH];
        command.getClientOrderId(clientOrderId, 0);
        final Account account = accounts.get(command.accountId());
        final Instrument instrument = instruments.get(command.instrumentId());
        final RejectReason reason = newOrderRejection(command, account, instrument, clientOrderId);
        if (reason != null)
        {
            reject(reason, command.accountId(), command.instrumentId(), 0, clientOrderId);
            return;
        }

        final Order order = newOrder(command, account, instrument, nextOrderId++, clientOrderId);
        events.add(new EngineEvent.OrderAccepted(sequence, timestampNs, sourceId, correlationId,
            order.orderId, account.accountId, instrument.instrumentId, EventDecoding.fixedString(clientOrderId),
            order.side, order.orderType, order.timeInForce, order.postOnly ? BooleanType.TRUE : BooleanType.FALSE,
            order.stpMode, order.price, order.quantity, order.stopPrice, order.displayQuantity));
        if (order.isStop())
        {
            order.state = Order.State.PENDING_STOP;
            instrument.pendingStops.add(order);
            openOrders.put(order.orderId, order);
            takeHold(order);
        }
        else
        {
            executeThenTriggerStops(order);
        }
    }

    private Order newOrder(
        final NewOrderDecoder command, final Account account, final Instrument instrument, final long orderId,
        final byte[] clientOrderId)
    {
        final StpMode stpMode = command.stpModeRaw() == StpMode.ACCOUNT_DEFAULT.value() ?
            account.stpMode : StpMode.get(command.stpModeRaw());
        return new Order(orderId, account, instrument, clientOrderId,
            Side.get(command.sideRaw()), OrderType.get(command.orderTypeRaw()),
            TimeInForce.get(command.timeInForceRaw()), command.postOnlyRaw() == BooleanType.TRUE.value(), stpMode,
            command.price(), command.stopPrice(), command.quantity(), command.displayQuantity());
    }

    /** The rulebook's NewOrder validation, steps 1 to 15 in order; null when the order is accepted. */
    private RejectReason newOrderRejection(
        final NewOrderDecoder command, final Account account, final Instrument instrument, final byte[] clientOrderId)
    {
        if (account == null)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (instrument == null)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (instrument.halted)
        {
            return RejectReason.INSTRUMENT_HALTED;
        }
        if (!isValidClientOrderId(clientOrderId))
        {
            return RejectReason.INVALID_CLIENT_ORDER_ID;
        }
        if (!hasValidOrderParameters(command))
        {
            return RejectReason.INVALID_ORDER_PARAMETERS;
        }
        final OrderType type = OrderType.get(command.orderTypeRaw());
        final boolean buy = command.sideRaw() == Side.BUY.value();
        final boolean limitPriced = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
        final boolean stop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        final long price = command.price();
        final long stopPrice = command.stopPrice();
        final long quantity = command.quantity();

        final RejectReason quantityReason = quantityRejection(instrument, quantity, command.displayQuantity());
        if (quantityReason != null)
        {
            return quantityReason;
        }
        if (limitPriced && priceRejection(instrument, price) != null)
        {
            return priceRejection(instrument, price);
        }
        if (stop && priceRejection(instrument, stopPrice) != null)
        {
            return priceRejection(instrument, stopPrice);
        }
        if ((limitPriced && !instrument.inBand(price)) || (stop && !instrument.inBand(stopPrice)))
        {
            return RejectReason.PRICE_OUTSIDE_BAND;
        }
        final BigInteger worstHold = limitPriced ?
            Amounts.buyHold(instrument, price, quantity) : Amounts.buyHold(instrument, instrument.bandHigh(), quantity);
        if (Amounts.tooLarge(worstHold))
        {
            return RejectReason.NOTIONAL_TOO_LARGE;
        }
        if (!isBlank(clientOrderId) && openOrderByClientOrderId(account, clientOrderId) != null)
        {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        if (openOrdersOf(account).size() >= maxOpenOrdersPerAccount)
        {
            return RejectReason.TOO_MANY_OPEN_ORDERS;
        }
        if (stop && (buy ? instrument.lastPrice >= stopPrice : instrument.lastPrice <= stopPrice))
        {
            return RejectReason.STOP_WOULD_TRIGGER_IMMEDIATELY;
        }
        if (command.postOnlyRaw() == BooleanType.TRUE.value() && crossesOppositeBest(instrument, buy, price))
        {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        final boolean affordable = buy ?
            !limitPriced || BigInteger.valueOf(account.available(instrument.quoteAssetId)).compareTo(worstHold) >= 0 :
            account.available(instrument.baseAssetId) >= quantity;
        if (!affordable)
        {
            return RejectReason.INSUFFICIENT_BALANCE;
        }
        if (type == OrderType.LIMIT && command.timeInForceRaw() == TimeInForce.FOK.value() &&
            !isFillable(newOrder(command, account, instrument, 0, clientOrderId)))
        {
            return RejectReason.FOK_CANNOT_FILL;
        }
        return null;
    }

    private static boolean hasValidOrderParameters(final NewOrderDecoder command)
    {
        if (command.sideRaw() > Side.SELL.value() ||
            command.orderTypeRaw() > OrderType.STOP_LIMIT.value() ||
            command.timeInForceRaw() > TimeInForce.FOK.value() ||
            command.postOnlyRaw() > BooleanType.TRUE.value() ||
            command.stpModeRaw() > StpMode.CANCEL_BOTH.value())
        {
            return false;
        }
        final OrderType type = OrderType.get(command.orderTypeRaw());
        final TimeInForce timeInForce = TimeInForce.get(command.timeInForceRaw());
        final boolean market = type == OrderType.MARKET || type == OrderType.STOP;
        final boolean stop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
        if (market && (command.price() != 0 || timeInForce != TimeInForce.IOC))
        {
            return false;
        }
        if (stop ? command.stopPrice() == 0 : command.stopPrice() != 0)
        {
            return false;
        }
        if (command.postOnlyRaw() == BooleanType.TRUE.value() &&
            (type != OrderType.LIMIT || timeInForce != TimeInForce.GTC))
        {
            return false;
        }
        final long display = command.displayQuantity();
        return display == 0 ||
            (display > 0 && display <= command.quantity() && !market && timeInForce == TimeInForce.GTC);
    }

    private static RejectReason quantityRejection(final Instrument instrument, final long quantity, final long display)
    {
        if (quantity <= 0)
        {
            return RejectReason.INVALID_QUANTITY;
        }
        if (quantity % instrument.lotSize != 0 || display % instrument.lotSize != 0)
        {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        if (quantity < instrument.minQuantity)
        {
            return RejectReason.QUANTITY_BELOW_MINIMUM;
        }
        if (quantity > instrument.maxQuantity)
        {
            return RejectReason.QUANTITY_ABOVE_MAXIMUM;
        }
        return null;
    }

    private static RejectReason priceRejection(final Instrument instrument, final long price)
    {
        if (price <= 0)
        {
            return RejectReason.INVALID_PRICE;
        }
        if (price % instrument.tickSize != 0)
        {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        return null;
    }

    private static boolean isValidClientOrderId(final byte[] id)
    {
        int length = 0;
        while (length < id.length && id[length] != 0)
        {
            if (id[length] < 0x21 || id[length] > 0x7E)
            {
                return false;
            }
            length++;
        }
        for (int i = length; i < id.length; i++)
        {
            if (id[i] != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(final byte[] id)
    {
        return Arrays.equals(id, NO_CLIENT_ORDER_ID);
    }

    // ---------------------------------------------------------------- execution

    private void executeThenTriggerStops(final Order order)
    {
        final long tradesBefore = nextTradeId;
        order.state = Order.State.EXECUTING;
        execute(order);
        if (nextTradeId != tradesBefore)
        {
            triggerStops(order.instrument);
        }
    }

    /** The rulebook's "Execution of an order": match, then rest or cancel what is left. */
    private void execute(final Order taker)
    {
        final Instrument instrument = taker.instrument;
        final BigInteger limit;
        if (taker.isMarket())
        {
            limit = taker.isBuy() ? instrument.bandHigh() : instrument.bandLow();
        }
        else
        {
            limit = BigInteger.valueOf(taker.price);
        }
        final boolean budgeted = taker.isMarket() && taker.isBuy();
        long budget = taker.account.available(instrument.quoteAssetId);

        while (taker.remaining > 0)
        {
            final Order maker = bestOpposite(instrument, taker.isBuy());
            if (maker == null || !isAcceptable(taker.isBuy(), maker.price, limit))
            {
                break;
            }
            if (maker.account == taker.account)
            {
                final StpMode mode = taker.stpMode;
                if (mode == StpMode.CANCEL_OLDEST || mode == StpMode.CANCEL_BOTH)
                {
                    cancelOpenOrder(maker, CancelReason.SELF_TRADE_PREVENTION);
                }
                if (mode == StpMode.CANCEL_NEWEST || mode == StpMode.CANCEL_BOTH)
                {
                    orderCancelled(taker, CancelReason.SELF_TRADE_PREVENTION);
                    openOrders.remove(taker.orderId);
                    return;
                }
                continue;
            }
            long quantity = Math.min(taker.remaining, maker.visible);
            if (budgeted)
            {
                quantity = affordableQuantity(instrument, maker.price, quantity, budget);
                if (quantity == 0)
                {
                    break;
                }
            }
            final long takerPaid = trade(taker, maker, quantity);
            budget -= takerPaid;
        }

        if (taker.remaining == 0)
        {
            openOrders.remove(taker.orderId);
        }
        else if (!taker.isMarket() && taker.timeInForce == TimeInForce.GTC)
        {
            rest(taker);
        }
        else
        {
            orderCancelled(taker, CancelReason.IOC_REMAINDER);
            openOrders.remove(taker.orderId);
        }
    }

    private static boolean isAcceptable(final boolean takerBuys, final long makerPrice, final BigInteger limit)
    {
        final int comparison = BigInteger.valueOf(makerPrice).compareTo(limit);
        return takerBuys ? comparison <= 0 : comparison >= 0;
    }

    /** The largest multiple of the lot, up to quantity, whose notional and taker fee fit the budget. */
    private static long affordableQuantity(
        final Instrument instrument, final long price, final long quantity, final long budget)
    {
        long lowLots = 0;
        long highLots = quantity / instrument.lotSize;
        while (lowLots < highLots)
        {
            final long middleLots = lowLots + (highLots - lowLots + 1) / 2;
            final long notional = Amounts.notional(instrument, price, middleLots * instrument.lotSize).longValueExact();
            if (notional + Amounts.fee(notional, instrument.takerFeePpm) <= budget)
            {
                lowLots = middleLots;
            }
            else
            {
                highLots = middleLots - 1;
            }
        }
        return lowLots * instrument.lotSize;
    }

    /** One trade at the maker's price; returns what the taker paid in quote when it buys, else 0. */
    private long trade(final Order taker, final Order maker, final long quantity)
    {
        final Instrument instrument = taker.instrument;
        final long price = maker.price;
        final long notional = Amounts.notional(instrument, price, quantity).longValueExact();
        final long makerFee = Amounts.fee(notional, instrument.makerFeePpm);
        final long takerFee = Amounts.fee(notional, instrument.takerFeePpm);
        final long makerHoldBefore = maker.hold();

        maker.remaining -= quantity;
        maker.visible -= quantity;
        maker.filled += quantity;
        taker.remaining -= quantity;
        taker.filled += quantity;
        events.add(new EngineEvent.Trade(sequence, timestampNs, sourceId, correlationId,
            nextTradeId++, instrument.instrumentId, price, quantity, taker.side,
            maker.orderId, maker.account.accountId, makerFee, maker.remaining,
            taker.orderId, taker.account.accountId, takerFee, taker.remaining));

        if (maker.remaining == 0)
        {
            instrument.resting.remove(maker);
            bookChanged(maker, BookAction.REMOVED, 0);
        }
        else if (maker.visible == 0)
        {
            bookChanged(maker, BookAction.REMOVED, 0);
            maker.visible = Math.min(maker.displayQuantity, maker.remaining);
            maker.queueTicket = nextQueueTicket++;
            bookChanged(maker, BookAction.ADDED, maker.visible);
        }
        else
        {
            bookChanged(maker, BookAction.REDUCED, maker.visible);
        }

        final int base = instrument.baseAssetId;
        final int quote = instrument.quoteAssetId;
        final Order buyer = taker.isBuy() ? taker : maker;
        final Order seller = taker.isBuy() ? maker : taker;
        final long buyerFee = taker.isBuy() ? takerFee : makerFee;
        final long sellerFee = taker.isBuy() ? makerFee : takerFee;
        final long makerHoldAfter = maker.hold();

        final Account.Balance buyerQuote = buyer.account.balance(quote);
        if (buyer == maker)
        {
            buyerQuote.held -= makerHoldBefore - makerHoldAfter;
        }
        buyerQuote.total -= notional + buyerFee;
        balanceChanged(buyer.account, quote, BalanceReason.TRADE);
        buyer.account.balance(base).total += quantity;
        balanceChanged(buyer.account, base, BalanceReason.TRADE);
        final Account.Balance sellerBase = seller.account.balance(base);
        if (seller == maker)
        {
            sellerBase.held -= quantity;
        }
        sellerBase.total -= quantity;
        balanceChanged(seller.account, base, BalanceReason.TRADE);
        seller.account.balance(quote).total += notional - sellerFee;
        balanceChanged(seller.account, quote, BalanceReason.TRADE);

        feesCollected.merge(quote, makerFee + takerFee, Long::sum);
        instrument.lastPrice = price;
        if (maker.remaining == 0)
        {
            openOrders.remove(maker.orderId);
        }
        return taker.isBuy() ? notional + takerFee : 0;
    }

    private void rest(final Order order)
    {
        order.visible = order.displayQuantity == 0 ? order.remaining : Math.min(order.displayQuantity, order.remaining);
        order.state = Order.State.RESTING;
        order.queueTicket = nextQueueTicket++;
        order.instrument.resting.add(order);
        openOrders.put(order.orderId, order);
        bookChanged(order, BookAction.ADDED, order.visible);
        takeHold(order);
    }

    /** The rulebook's fill-or-kill test, walking the opposite levels from the best. */
    private boolean isFillable(final Order taker)
    {
        final BigInteger limit = BigInteger.valueOf(taker.price);
        BigInteger available = BigInteger.ZERO;
        for (final List<Order> level : levels(taker.instrument, !taker.isBuy()))
        {
            if (!isAcceptable(taker.isBuy(), level.get(0).price, limit))
            {
                return false;
            }
            for (final Order maker : level)
            {
                if (maker.account != taker.account)
                {
                    available = available.add(BigInteger.valueOf(maker.remaining));
                }
                else if (taker.stpMode != StpMode.CANCEL_OLDEST)
                {
                    return false;
                }
            }
            if (available.compareTo(BigInteger.valueOf(taker.remaining)) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private void triggerStops(final Instrument instrument)
    {
        Order stop;
        while ((stop = nextTriggeredStop(instrument)) != null)
        {
            instrument.pendingStops.remove(stop);
            events.add(new EngineEvent.OrderTriggered(sequence, timestampNs, sourceId, correlationId,
                stop.orderId, stop.account.accountId, instrument.instrumentId,
                EventDecoding.fixedString(stop.clientOrderId), instrument.lastPrice));
            releaseHold(stop, stop.hold());
            stop.state = Order.State.EXECUTING;
            if (stop.orderType == OrderType.STOP_LIMIT && stop.timeInForce == TimeInForce.FOK && !isFillable(stop))
            {
                orderCancelled(stop, CancelReason.IOC_REMAINDER);
                openOrders.remove(stop.orderId);
                continue;
            }
            execute(stop);
        }
    }

    private static Order nextTriggeredStop(final Instrument instrument)
    {
        final long last = instrument.lastPrice;
        return instrument.pendingStops.stream()
            .filter(stop -> stop.isBuy() ? stop.stopPrice <= last : stop.stopPrice >= last)
            .min(TRIGGER_ORDER)
            .orElse(null);
    }

    /** Buy stops (lowest stop first) before sell stops (highest stop first), older first at one stop price. */
    private static final Comparator<Order> TRIGGER_ORDER =
        Comparator.<Order, Boolean>comparing(stop -> !stop.isBuy())
            .thenComparingLong(stop -> stop.isBuy() ? stop.stopPrice : -stop.stopPrice)
            .thenComparingLong(stop -> stop.orderId);

    // ---------------------------------------------------------------- the book, naively

    /** One side's resting orders, best price first, then queue order. */
    private static List<Order> queue(final Instrument instrument, final boolean bids)
    {
        return instrument.resting.stream()
            .filter(order -> order.isBuy() == bids)
            .sorted(bestFirst(bids))
            .toList();
    }

    /** Price priority (highest bid, lowest ask), then time priority. */
    private static Comparator<Order> bestFirst(final boolean bids)
    {
        final Comparator<Order> byPrice = bids ?
            Comparator.comparingLong((Order order) -> order.price).reversed() :
            Comparator.comparingLong((Order order) -> order.price);
        return byPrice.thenComparingLong(order -> order.queueTicket);
    }

    /** One side's resting orders grouped into price levels, best first. */
    private static List<List<Order>> levels(final Instrument instrument, final boolean bids)
    {
        final List<List<Order>> levels = new ArrayList<>();
        for (final Order order : queue(instrument, bids))
        {
            if (levels.isEmpty() || levels.get(levels.size() - 1).get(0).price != order.price)
            {
                levels.add(new ArrayList<>());
            }
            levels.get(levels.size() - 1).add(order);
        }
        return levels;
    }

    private static Order bestOpposite(final Instrument instrument, final boolean takerBuys)
    {
        return instrument.resting.stream()
            .filter(order -> order.isBuy() != takerBuys)
            .min(bestFirst(!takerBuys))
            .orElse(null);
    }

    private static boolean crossesOppositeBest(final Instrument instrument, final boolean buy, final long price)
    {
        final Order best = bestOpposite(instrument, buy);
        return best != null && (buy ? price >= best.price : price <= best.price);
    }

    private List<Order> openOrdersOf(final Account account)
    {
        return openOrders.values().stream().filter(order -> order.account == account).toList();
    }

    private Order openOrderByClientOrderId(final Account account, final byte[] clientOrderId)
    {
        return openOrdersOf(account).stream()
            .filter(order -> Arrays.equals(order.clientOrderId, clientOrderId))
            .findFirst()
            .orElse(null);
    }

    /** By order id, or when that is 0 by a non-blank client order id; only the account's own open orders. */
    private Order findOpenOrder(final Account account, final long orderId, final byte[] clientOrderId)
    {
        if (orderId != 0)
        {
            final Order order = openOrders.get(orderId);
            return order != null && order.account == account ? order : null;
        }
        return isBlank(clientOrderId) ? null : openOrderByClientOrderId(account, clientOrderId);
    }

    // ---------------------------------------------------------------- cancel, amend, mass cancel, halt

    private void onCancelOrder(final CancelOrderDecoder command)
    {
        begin(CancelOrderDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final byte[] clientOrderId = new byte[CLIENT_ORDER_ID_LENGTH];
        command.getClientOrderId(clientOrderId, 0);
        final Account account = accounts.get(command.accountId());
        if (account == null)
        {
            reject(RejectReason.UNKNOWN_ACCOUNT, command.accountId(), 0, command.orderId(), clientOrderId);
            return;
        }
        final Order order = findOpenOrder(account, command.orderId(), clientOrderId);
        if (order == null)
        {
            reject(RejectReason.UNKNOWN_ORDER, command.accountId(), 0, command.orderId(), clientOrderId);
            return;
        }
        cancelOpenOrder(order, CancelReason.USER);
    }

    private void onReplaceOrder(final ReplaceOrderDecoder command)
    {
        begin(ReplaceOrderDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final byte[] clientOrderId = new byte[CLIENT_ORDER_ID_LENGTH];
        command.getClientOrderId(clientOrderId, 0);
        final Account account = accounts.get(command.accountId());
        final Order order = account == null ? null : findOpenOrder(account, command.orderId(), clientOrderId);
        final RejectReason reason = replaceRejection(command, account, order);
        if (reason != null)
        {
            reject(reason, command.accountId(), 0, command.orderId(), clientOrderId);
            return;
        }

        final Instrument instrument = order.instrument;
        final long newPrice = command.newPrice();
        final long newQuantity = command.newQuantity();
        final long holdBefore = order.hold();
        if (newPrice == order.price && newQuantity <= order.remaining)
        {
            order.remaining = newQuantity;
            orderReplaced(order, newPrice, newQuantity, BooleanType.TRUE);
            if (order.visible > newQuantity)
            {
                order.visible = newQuantity;
                bookChanged(order, BookAction.REDUCED, newQuantity);
            }
            releaseHold(order, holdBefore - order.hold());
            return;
        }
        orderReplaced(order, newPrice, newQuantity, BooleanType.FALSE);
        instrument.resting.remove(order);
        bookChanged(order, BookAction.REMOVED, 0);
        if (!crossesOppositeBest(instrument, order.isBuy(), newPrice))
        {
            order.price = newPrice;
            order.remaining = newQuantity;
            order.visible = order.displayQuantity == 0 ? order.remaining : Math.min(order.displayQuantity, order.remaining);
            order.queueTicket = nextQueueTicket++;
            instrument.resting.add(order);
            bookChanged(order, BookAction.ADDED, order.visible);
            final long holdAfter = order.hold();
            if (holdAfter > holdBefore)
            {
                order.account.balance(order.holdAssetId()).held += holdAfter - holdBefore;
                balanceChanged(order.account, order.holdAssetId(), BalanceReason.ORDER_HOLD);
            }
            releaseHold(order, Math.max(0, holdBefore - holdAfter));
            return;
        }
        releaseHold(order, holdBefore);
        order.price = newPrice;
        order.remaining = newQuantity;
        executeThenTriggerStops(order);
    }

    /** The rulebook's ReplaceOrder validation in order; null when the amend goes ahead. */
    private RejectReason replaceRejection(final ReplaceOrderDecoder command, final Account account, final Order order)
    {
        if (account == null)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (order == null)
        {
            return RejectReason.UNKNOWN_ORDER;
        }
        final Instrument instrument = order.instrument;
        if (instrument.halted)
        {
            return RejectReason.INSTRUMENT_HALTED;
        }
        if (order.state != Order.State.RESTING)
        {
            return RejectReason.ORDER_NOT_AMENDABLE;
        }
        final long newPrice = command.newPrice();
        final long newQuantity = command.newQuantity();
        final RejectReason quantityReason = quantityRejection(instrument, newQuantity, 0);
        if (quantityReason != null)
        {
            return quantityReason;
        }
        final RejectReason priceReason = priceRejection(instrument, newPrice);
        if (priceReason != null)
        {
            return priceReason;
        }
        if (newPrice != order.price && !instrument.inBand(newPrice))
        {
            return RejectReason.PRICE_OUTSIDE_BAND;
        }
        final BigInteger newBuyHold = Amounts.buyHold(instrument, newPrice, newQuantity);
        if (Amounts.tooLarge(newBuyHold))
        {
            return RejectReason.NOTIONAL_TOO_LARGE;
        }
        if (order.postOnly && crossesOppositeBest(instrument, order.isBuy(), newPrice))
        {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        final BigInteger newHold = order.isBuy() ? newBuyHold : BigInteger.valueOf(newQuantity);
        final BigInteger increase = newHold.subtract(BigInteger.valueOf(order.hold()));
        if (increase.compareTo(BigInteger.valueOf(account.available(order.holdAssetId()))) > 0)
        {
            return RejectReason.INSUFFICIENT_BALANCE;
        }
        return null;
    }

    private void onMassCancel(final MassCancelDecoder command)
    {
        begin(MassCancelDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final long accountId = command.accountId();
        final int instrumentId = command.instrumentId();
        final Account account = accounts.get(accountId);
        if (account == null)
        {
            reject(RejectReason.UNKNOWN_ACCOUNT, accountId, instrumentId, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        if (instrumentId != 0 && !instruments.containsKey(instrumentId))
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT, accountId, instrumentId, 0, NO_CLIENT_ORDER_ID);
            return;
        }
        final List<Order> cancelled = openOrdersOf(account).stream()
            .filter(order -> instrumentId == 0 || order.instrument.instrumentId == instrumentId)
            .toList();
        cancelled.forEach(order -> cancelOpenOrder(order, CancelReason.MASS_CANCEL));
        events.add(new EngineEvent.MassCancelCompleted(sequence, timestampNs, sourceId, correlationId,
            accountId, instrumentId, cancelled.size()));
    }

    private void onHaltInstrument(final HaltInstrumentDecoder command)
    {
        begin(HaltInstrumentDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final Instrument instrument = instruments.get(command.instrumentId());
        if (instrument == null)
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT, 0, command.instrumentId(), 0, NO_CLIENT_ORDER_ID);
            return;
        }
        if (instrument.halted)
        {
            reject(RejectReason.INSTRUMENT_HALTED, 0, command.instrumentId(), 0, NO_CLIENT_ORDER_ID);
            return;
        }
        instrument.halted = true;
        events.add(new EngineEvent.InstrumentStatusChanged(sequence, timestampNs, sourceId, correlationId,
            instrument.instrumentId, InstrumentStatus.HALTED));
        if (command.cancelOrdersRaw() == BooleanType.TRUE.value())
        {
            openOrders.values().stream()
                .filter(order -> order.instrument == instrument)
                .toList()
                .forEach(order -> cancelOpenOrder(order, CancelReason.HALT));
        }
    }

    private void onResumeInstrument(final ResumeInstrumentDecoder command)
    {
        begin(ResumeInstrumentDecoder.TEMPLATE_ID,
            command.sequence(), command.timestampNs(), command.sourceId(), command.correlationId());
        final Instrument instrument = instruments.get(command.instrumentId());
        if (instrument == null)
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT, 0, command.instrumentId(), 0, NO_CLIENT_ORDER_ID);
            return;
        }
        if (!instrument.halted)
        {
            reject(RejectReason.INSTRUMENT_NOT_HALTED, 0, command.instrumentId(), 0, NO_CLIENT_ORDER_ID);
            return;
        }
        instrument.halted = false;
        events.add(new EngineEvent.InstrumentStatusChanged(sequence, timestampNs, sourceId, correlationId,
            instrument.instrumentId, InstrumentStatus.TRADING));
    }

    /** The rulebook's "Cancelling an open order", for any reason. */
    private void cancelOpenOrder(final Order order, final CancelReason reason)
    {
        orderCancelled(order, reason);
        if (order.state == Order.State.RESTING)
        {
            order.instrument.resting.remove(order);
            bookChanged(order, BookAction.REMOVED, 0);
        }
        else
        {
            order.instrument.pendingStops.remove(order);
        }
        releaseHold(order, order.hold());
        openOrders.remove(order.orderId);
    }

    // ---------------------------------------------------------------- holds and events

    private void takeHold(final Order order)
    {
        final long hold = order.hold();
        if (hold != 0)
        {
            order.account.balance(order.holdAssetId()).held += hold;
            balanceChanged(order.account, order.holdAssetId(), BalanceReason.ORDER_HOLD);
        }
    }

    private void releaseHold(final Order order, final long amount)
    {
        if (amount != 0)
        {
            order.account.balance(order.holdAssetId()).held -= amount;
            balanceChanged(order.account, order.holdAssetId(), BalanceReason.ORDER_RELEASE);
        }
    }

    private void balanceChanged(final Account account, final int assetId, final BalanceReason reason)
    {
        final Account.Balance balance = account.balance(assetId);
        events.add(new EngineEvent.BalanceChanged(sequence, timestampNs, sourceId, correlationId,
            account.accountId, assetId, reason, balance.total, balance.held));
    }

    private void bookChanged(final Order order, final BookAction action, final long visibleQuantity)
    {
        events.add(new EngineEvent.BookChanged(sequence, timestampNs, sourceId, correlationId,
            order.instrument.instrumentId, order.orderId, order.side, order.price, action, visibleQuantity));
    }

    private void orderCancelled(final Order order, final CancelReason reason)
    {
        events.add(new EngineEvent.OrderCancelled(sequence, timestampNs, sourceId, correlationId,
            order.orderId, order.account.accountId, order.instrument.instrumentId,
            EventDecoding.fixedString(order.clientOrderId), reason, order.remaining, order.filled));
    }

    private void orderReplaced(
        final Order order, final long newPrice, final long newQuantity, final BooleanType priorityKept)
    {
        events.add(new EngineEvent.OrderReplaced(sequence, timestampNs, sourceId, correlationId,
            order.orderId, order.account.accountId, order.instrument.instrumentId,
            EventDecoding.fixedString(order.clientOrderId), newPrice, newQuantity, priorityKept));
    }

    // ---------------------------------------------------------------- canonical state dump

    /** The rulebook's canonical state dump, line for line. */
    @Override
    public String dumpState()
    {
        final StringBuilder out = new StringBuilder();
        out.append("engine lastSequence=").append(lastSequence)
            .append(" nextOrderId=").append(nextOrderId)
            .append(" nextTradeId=").append(nextTradeId).append('\n');
        assets.forEach((assetId, asset) -> out.append("asset ").append(assetId).append(' ')
            .append(untilNul(asset.code())).append(" scale=").append(asset.scale()).append('\n'));
        for (final Instrument instrument : instruments.values())
        {
            out.append("instrument ").append(instrument.instrumentId).append(' ').append(untilNul(instrument.symbol))
                .append(" status=").append(instrument.halted ? "HALTED" : "TRADING")
                .append(" last=").append(instrument.lastPrice).append('\n');
            dumpQueue(out, "bid", queue(instrument, true));
            dumpQueue(out, "ask", queue(instrument, false));
            instrument.pendingStops.stream().sorted(TRIGGER_ORDER).forEach(stop -> out.append("  stop ")
                .append(stop.orderId)
                .append(" account=").append(stop.account.accountId)
                .append(" side=").append(stop.side)
                .append(" type=").append(stop.orderType)
                .append(" stop=").append(stop.stopPrice)
                .append(" price=").append(stop.price)
                .append(" remaining=").append(stop.remaining).append('\n'));
        }
        for (final Account account : accounts.values())
        {
            out.append("account ").append(account.accountId).append(" stp=").append(account.stpMode).append('\n');
            account.balances.forEach((assetId, balance) ->
            {
                if (balance.total != 0 || balance.held != 0)
                {
                    out.append("  balance ").append(assetId)
                        .append(" total=").append(balance.total)
                        .append(" held=").append(balance.held).append('\n');
                }
            });
            apiKeyOwners.forEach((hash, owner) ->
            {
                if (owner == account.accountId)
                {
                    out.append("  apikey ").append(hash).append('\n');
                }
            });
        }
        feesCollected.forEach((assetId, amount) ->
        {
            if (amount != 0)
            {
                out.append("fees ").append(assetId).append(' ').append(amount).append('\n');
            }
        });
        return out.toString();
    }

    private static void dumpQueue(final StringBuilder out, final String label, final List<Order> queue)
    {
        for (final Order order : queue)
        {
            out.append("  ").append(label).append(' ').append(order.orderId)
                .append(" account=").append(order.account.accountId)
                .append(" price=").append(order.price)
                .append(" remaining=").append(order.remaining)
                .append(" visible=").append(order.visible)
                .append(" filled=").append(order.filled).append('\n');
        }
    }

    private static String untilNul(final byte[] bytes)
    {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0)
        {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private record Asset(byte[] code, int scale)
    {
    }
}
