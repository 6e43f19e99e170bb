package bourse.engine;

import bourse.sbe.AddAssetDecoder;
import bourse.sbe.AddInstrumentDecoder;
import bourse.sbe.BalanceReason;
import bourse.sbe.BookAction;
import bourse.sbe.CancelOrderDecoder;
import bourse.sbe.CancelReason;
import bourse.sbe.CreateAccountDecoder;
import bourse.sbe.CreateApiKeyDecoder;
import bourse.sbe.DepositDecoder;
import bourse.sbe.HaltInstrumentDecoder;
import bourse.sbe.MassCancelDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.NewOrderDecoder;
import bourse.sbe.RejectReason;
import bourse.sbe.ReplaceOrderDecoder;
import bourse.sbe.ResumeInstrumentDecoder;
import bourse.sbe.RevokeApiKeyDecoder;
import bourse.sbe.WithdrawDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The deterministic matching engine: {@code state × command → state × events}, exactly as
 * docs/rulebook.md specifies. One thread; no clock, randomness or hash-iteration order inside: time
 * and sequence arrive on the command. Commands and events are SBE; the events of each command are
 * handed to the {@link EventSink} as one batch.
 */
public final class MatchingEngine
{
    private static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    /** Every command starts with sequence (8), timestampNs (8), sourceId (4), correlationId (8). */
    private static final int COMMON_FIELDS_LENGTH = 28;

    private final EventSink eventSink;
    private final int maxOpenOrdersPerAccount;
    private final EventEncoder events = new EventEncoder();

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final DepositDecoder deposit = new DepositDecoder();
    private final WithdrawDecoder withdraw = new WithdrawDecoder();
    private final CreateAccountDecoder createAccount = new CreateAccountDecoder();
    private final AddInstrumentDecoder addInstrument = new AddInstrumentDecoder();
    private final HaltInstrumentDecoder haltInstrument = new HaltInstrumentDecoder();
    private final ResumeInstrumentDecoder resumeInstrument = new ResumeInstrumentDecoder();
    private final AddAssetDecoder addAsset = new AddAssetDecoder();
    private final CreateApiKeyDecoder createApiKey = new CreateApiKeyDecoder();
    private final RevokeApiKeyDecoder revokeApiKey = new RevokeApiKeyDecoder();

    private final Assets assets = new Assets();
    private final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    private final ApiKeys apiKeys = new ApiKeys();
    private final Int2ObjectHashMap<OrderBook> books = new Int2ObjectHashMap<>();
    private final Long2ObjectHashMap<Order> openOrders = new Long2ObjectHashMap<>();
    private final ClientOrderIds clientOrderIds = new ClientOrderIds();
    private final OrderPool orderPool = new OrderPool();
    private final LevelPool levelPool = new LevelPool();
    private final long[] feesCollected = new long[Assets.MAX_ASSETS];
    /**
     * Deposits less withdrawals per asset, which by conservation is every account's total plus the fees:
     * keeping it within a long keeps every balance within one, so trades cannot overflow a total.
     */
    private final long[] supply = new long[Assets.MAX_ASSETS];

    private final byte[] commandClientOrderId = new byte[ClientOrderIds.LENGTH];
    private final byte[] commandKeyHash = new byte[ApiKeys.HASH_LENGTH];
    /**
     * Cancels and amends usually name the order by id, so their client order id is copied out of the
     * command only when it is needed: to find the order by it, or to echo it in a reject.
     */
    private DirectBuffer pendingClientOrderIdBuffer;
    private int pendingClientOrderIdOffset;
    private final byte[] blankClientOrderId = new byte[ClientOrderIds.LENGTH];

    private long lastSequence;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private boolean traded;

    private int rejectTemplateId;
    private long rejectAccountId;
    private int rejectInstrumentId;
    private long rejectOrderId;
    private byte[] rejectClientOrderId;

    public MatchingEngine(final Context context)
    {
        context.conclude();
        this.eventSink = context.eventSink();
        this.maxOpenOrdersPerAccount = context.maxOpenOrdersPerAccount();
    }

    /** Applies one SBE command (message header included) and hands its events to the sink. */
    public void onCommand(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            onUnknownCommand(buffer, offset, length, 0);
            return;
        }
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int version = header.version();
        final int bodyOffset = offset + HEADER_LENGTH;
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            length < HEADER_LENGTH + blockLength ||
            blockLength < expectedBlockLength(templateId))
        {
            onUnknownCommand(buffer, offset, length, templateId);
            return;
        }

        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrder.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, newOrder.sequence(), newOrder.timestampNs(), newOrder.sourceId(), newOrder.correlationId());
                onNewOrder(newOrder);
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancelOrder.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, cancelOrder.sequence(), cancelOrder.timestampNs(), cancelOrder.sourceId(), cancelOrder.correlationId());
                onCancelOrder(cancelOrder);
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replaceOrder.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, replaceOrder.sequence(), replaceOrder.timestampNs(), replaceOrder.sourceId(), replaceOrder.correlationId());
                onReplaceOrder(replaceOrder);
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                massCancel.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, massCancel.sequence(), massCancel.timestampNs(), massCancel.sourceId(), massCancel.correlationId());
                onMassCancel(massCancel);
                break;
            case DepositDecoder.TEMPLATE_ID:
                deposit.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, deposit.sequence(), deposit.timestampNs(), deposit.sourceId(), deposit.correlationId());
                onDeposit(deposit.accountId(), deposit.assetId(), deposit.amount());
                break;
            case WithdrawDecoder.TEMPLATE_ID:
                withdraw.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, withdraw.sequence(), withdraw.timestampNs(), withdraw.sourceId(), withdraw.correlationId());
                onWithdraw(withdraw.accountId(), withdraw.assetId(), withdraw.amount());
                break;
            case CreateAccountDecoder.TEMPLATE_ID:
                createAccount.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, createAccount.sequence(), createAccount.timestampNs(), createAccount.sourceId(), createAccount.correlationId());
                onCreateAccount(createAccount);
                break;
            case AddInstrumentDecoder.TEMPLATE_ID:
                addInstrument.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, addInstrument.sequence(), addInstrument.timestampNs(), addInstrument.sourceId(), addInstrument.correlationId());
                onAddInstrument(addInstrument);
                break;
            case HaltInstrumentDecoder.TEMPLATE_ID:
                haltInstrument.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, haltInstrument.sequence(), haltInstrument.timestampNs(), haltInstrument.sourceId(), haltInstrument.correlationId());
                onHaltInstrument(haltInstrument);
                break;
            case ResumeInstrumentDecoder.TEMPLATE_ID:
                resumeInstrument.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, resumeInstrument.sequence(), resumeInstrument.timestampNs(), resumeInstrument.sourceId(), resumeInstrument.correlationId());
                onResumeInstrument(resumeInstrument.instrumentId());
                break;
            case AddAssetDecoder.TEMPLATE_ID:
                addAsset.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, addAsset.sequence(), addAsset.timestampNs(), addAsset.sourceId(), addAsset.correlationId());
                onAddAsset(addAsset);
                break;
            case CreateApiKeyDecoder.TEMPLATE_ID:
                createApiKey.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, createApiKey.sequence(), createApiKey.timestampNs(), createApiKey.sourceId(), createApiKey.correlationId());
                onCreateApiKey(createApiKey);
                break;
            case RevokeApiKeyDecoder.TEMPLATE_ID:
                revokeApiKey.wrap(buffer, bodyOffset, blockLength, version);
                begin(templateId, revokeApiKey.sequence(), revokeApiKey.timestampNs(), revokeApiKey.sourceId(), revokeApiKey.correlationId());
                onRevokeApiKey(revokeApiKey);
                break;
            default:
                onUnknownCommand(buffer, offset, length, templateId);
                return;
        }
        publish();
    }

    /** Sequence number of the last command applied. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** The canonical state dump of docs/rulebook.md. Not for the hot path: it allocates. */
    public String dumpState()
    {
        return StateDump.write(this);
    }

    /** 64-bit hash of {@link #dumpState()}: equal states, equal hashes. */
    public long stateHash()
    {
        return StateDump.hash(dumpState());
    }

    // ---------------------------------------------------------------- dispatch helpers

    private static int expectedBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID: return NewOrderDecoder.BLOCK_LENGTH;
            case CancelOrderDecoder.TEMPLATE_ID: return CancelOrderDecoder.BLOCK_LENGTH;
            case ReplaceOrderDecoder.TEMPLATE_ID: return ReplaceOrderDecoder.BLOCK_LENGTH;
            case MassCancelDecoder.TEMPLATE_ID: return MassCancelDecoder.BLOCK_LENGTH;
            case DepositDecoder.TEMPLATE_ID: return DepositDecoder.BLOCK_LENGTH;
            case WithdrawDecoder.TEMPLATE_ID: return WithdrawDecoder.BLOCK_LENGTH;
            case CreateAccountDecoder.TEMPLATE_ID: return CreateAccountDecoder.BLOCK_LENGTH;
            case AddInstrumentDecoder.TEMPLATE_ID: return AddInstrumentDecoder.BLOCK_LENGTH;
            case HaltInstrumentDecoder.TEMPLATE_ID: return HaltInstrumentDecoder.BLOCK_LENGTH;
            case ResumeInstrumentDecoder.TEMPLATE_ID: return ResumeInstrumentDecoder.BLOCK_LENGTH;
            case AddAssetDecoder.TEMPLATE_ID: return AddAssetDecoder.BLOCK_LENGTH;
            case CreateApiKeyDecoder.TEMPLATE_ID: return CreateApiKeyDecoder.BLOCK_LENGTH;
            case RevokeApiKeyDecoder.TEMPLATE_ID: return RevokeApiKeyDecoder.BLOCK_LENGTH;
            default: return 0;
        }
    }

    private void begin(
        final int templateId, final long sequence, final long timestampNs, final int sourceId, final long correlationId)
    {
        lastSequence = sequence;
        events.beginCommand(sequence, timestampNs, sourceId, correlationId);
        rejectTemplateId = templateId;
        rejectAccountId = 0;
        rejectInstrumentId = 0;
        rejectOrderId = 0;
        rejectClientOrderId = blankClientOrderId;
        pendingClientOrderIdBuffer = null;
    }

    private void publish()
    {
        eventSink.onEvents(events.buffer(), 0, events.length());
    }

    private void reject(final RejectReason reason)
    {
        copyDeferredClientOrderId();
        events.commandRejected(
            rejectTemplateId, reason, rejectAccountId, rejectInstrumentId, rejectOrderId, rejectClientOrderId);
    }

    /** The command's client order id is at this position; {@link #copyDeferredClientOrderId()} fetches it. */
    private void deferClientOrderId(final DirectBuffer buffer, final int offset)
    {
        pendingClientOrderIdBuffer = buffer;
        pendingClientOrderIdOffset = offset;
        rejectClientOrderId = commandClientOrderId;
    }

    private void copyDeferredClientOrderId()
    {
        if (pendingClientOrderIdBuffer != null)
        {
            pendingClientOrderIdBuffer.getBytes(pendingClientOrderIdOffset, commandClientOrderId, 0, ClientOrderIds.LENGTH);
            pendingClientOrderIdBuffer = null;
        }
    }

    private void onUnknownCommand(final DirectBuffer buffer, final int offset, final int length, final int templateId)
    {
        long sequence = 0;
        long timestampNs = 0;
        int sourceId = 0;
        long correlationId = 0;
        if (length >= HEADER_LENGTH + COMMON_FIELDS_LENGTH && header.blockLength() >= COMMON_FIELDS_LENGTH)
        {
            final int body = offset + HEADER_LENGTH;
            sequence = buffer.getLong(body, ByteOrder.LITTLE_ENDIAN);
            timestampNs = buffer.getLong(body + 8, ByteOrder.LITTLE_ENDIAN);
            sourceId = buffer.getInt(body + 16, ByteOrder.LITTLE_ENDIAN);
            correlationId = buffer.getLong(body + 20, ByteOrder.LITTLE_ENDIAN);
        }
        begin(templateId, sequence, timestampNs, sourceId, correlationId);
        reject(RejectReason.UNKNOWN_COMMAND);
        publish();
    }

    // ---------------------------------------------------------------- reference data and money

    private void onAddAsset(final AddAssetDecoder command)
    {
        final int assetId = command.assetId();
        final int scale = command.scale();
        final byte[] code = new byte[Assets.CODE_LENGTH];
        command.getCode(code, 0);
        if (assetId < 1 || assetId >= Assets.MAX_ASSETS || scale < 0 || scale > 18 || code[0] == 0)
        {
            reject(RejectReason.INVALID_ASSET);
            return;
        }
        if (assets.exists(assetId))
        {
            reject(RejectReason.DUPLICATE_ASSET);
            return;
        }
        assets.add(assetId, code, scale);
        events.assetAdded(assetId, code, scale);
    }

    private void onAddInstrument(final AddInstrumentDecoder command)
    {
        final int instrumentId = command.instrumentId();
        rejectInstrumentId = instrumentId;
        if (instrumentId <= 0)
        {
            reject(RejectReason.INVALID_INSTRUMENT);
            return;
        }
        if (books.containsKey(instrumentId))
        {
            reject(RejectReason.DUPLICATE_INSTRUMENT);
            return;
        }
        final int baseAssetId = command.baseAssetId();
        final int quoteAssetId = command.quoteAssetId();
        if (!assets.exists(baseAssetId) || !assets.exists(quoteAssetId))
        {
            reject(RejectReason.UNKNOWN_ASSET);
            return;
        }
        final byte[] symbol = new byte[AddInstrumentDecoder.symbolLength()];
        command.getSymbol(symbol, 0);
        final int priceScale = command.priceScale();
        final long tickSize = command.tickSize();
        final long lotSize = command.lotSize();
        final long minQuantity = command.minQuantity();
        final long maxQuantity = command.maxQuantity();
        final int priceBandBps = command.priceBandBps();
        final int makerFeePpm = command.makerFeePpm();
        final int takerFeePpm = command.takerFeePpm();
        final long referencePrice = command.referencePrice();
        final long quotePerTickLot = (priceScale >= 0 && priceScale <= 18 && tickSize > 0 && lotSize > 0) ?
            quotePerTickLot(tickSize, lotSize, assets.scale(quoteAssetId), priceScale + assets.scale(baseAssetId)) : 0;
        final boolean valid = baseAssetId != quoteAssetId &&
            symbol[0] != 0 &&
            quotePerTickLot >= 1 &&
            minQuantity > 0 && minQuantity % lotSize == 0 &&
            maxQuantity >= minQuantity && maxQuantity % lotSize == 0 &&
            priceBandBps >= 1 && priceBandBps <= 10_000 &&
            makerFeePpm >= 0 && makerFeePpm <= 100_000 &&
            takerFeePpm >= 0 && takerFeePpm <= 100_000 &&
            referencePrice > 0 && referencePrice % tickSize == 0;
        if (!valid)
        {
            reject(RejectReason.INVALID_INSTRUMENT);
            return;
        }
        final OrderBook book = new OrderBook(
            instrumentId, symbol, baseAssetId, quoteAssetId, priceScale, tickSize, lotSize, minQuantity, maxQuantity,
            priceBandBps, makerFeePpm, takerFeePpm, referencePrice, quotePerTickLot, levelPool);
        books.put(instrumentId, book);
        events.instrumentAdded(book);
    }

    /** tick × lot × 10^quoteScale / 10^(priceScale + baseScale) when exact and ≤ Long.MAX_VALUE, else 0. */
    private static long quotePerTickLot(final long tickSize, final long lotSize, final int quoteScale, final int divisorScale)
    {
        final BigInteger numerator = BigInteger.valueOf(tickSize)
            .multiply(BigInteger.valueOf(lotSize))
            .multiply(BigInteger.TEN.pow(quoteScale));
        final BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(BigInteger.TEN.pow(divisorScale));
        if (quotientAndRemainder[1].signum() != 0 || quotientAndRemainder[0].bitLength() > 62)
        {
            return 0;
        }
        return quotientAndRemainder[0].longValue();
    }

    private void onCreateAccount(final CreateAccountDecoder command)
    {
        final long accountId = command.accountId();
        final short stpMode = command.stpModeRaw();
        rejectAccountId = accountId;
        if (accountId <= 0 || stpMode > Codes.STP_CANCEL_BOTH)
        {
            reject(RejectReason.INVALID_ACCOUNT);
            return;
        }
        if (accounts.containsKey(accountId))
        {
            reject(RejectReason.DUPLICATE_ACCOUNT);
            return;
        }
        final Account account = new Account(
            accountId, stpMode == Codes.STP_ACCOUNT_DEFAULT ? Codes.STP_CANCEL_NEWEST : (byte)stpMode);
        accounts.put(accountId, account);
        events.accountCreated(account);
    }

    private void onCreateApiKey(final CreateApiKeyDecoder command)
    {
        command.getKeyHash(commandKeyHash, 0, ApiKeys.HASH_LENGTH);
        if (!isKeyCommandValid(command.accountId()))
        {
            return;
        }
        final long accountId = command.accountId();
        if (apiKeys.contains(commandKeyHash))
        {
            reject(RejectReason.DUPLICATE_API_KEY);
            return;
        }
        apiKeys.add(accountId, commandKeyHash);
        events.apiKeyCreated(accountId, commandKeyHash);
    }

    private void onRevokeApiKey(final RevokeApiKeyDecoder command)
    {
        command.getKeyHash(commandKeyHash, 0, ApiKeys.HASH_LENGTH);
        if (!isKeyCommandValid(command.accountId()))
        {
            return;
        }
        final long accountId = command.accountId();
        if (!apiKeys.remove(accountId, commandKeyHash))
        {
            reject(RejectReason.UNKNOWN_API_KEY);
            return;
        }
        events.apiKeyRevoked(accountId, commandKeyHash);
    }

    /** Steps 1 and 2 of both key commands, on {@link #commandKeyHash}: the account, then the hash; false after rejecting. */
    private boolean isKeyCommandValid(final long accountId)
    {
        rejectAccountId = accountId;
        if (!accounts.containsKey(accountId))
        {
            reject(RejectReason.UNKNOWN_ACCOUNT);
            return false;
        }
        if (ApiKeys.isBlank(commandKeyHash))
        {
            reject(RejectReason.INVALID_API_KEY);
            return false;
        }
        return true;
    }

    /** Steps 1 and 2 of a deposit or withdrawal: the account, then the asset; null after rejecting. */
    private Account transferAccount(final long accountId, final int assetId)
    {
        rejectAccountId = accountId;
        final Account account = accounts.get(accountId);
        if (account == null)
        {
            reject(RejectReason.UNKNOWN_ACCOUNT);
            return null;
        }
        if (!assets.exists(assetId))
        {
            reject(RejectReason.UNKNOWN_ASSET);
            return null;
        }
        return account;
    }

    private void onDeposit(final long accountId, final int assetId, final long amount)
    {
        final Account account = transferAccount(accountId, assetId);
        if (account == null)
        {
            return;
        }
        if (amount <= 0 || amount > Long.MAX_VALUE - supply[assetId])
        {
            reject(RejectReason.INVALID_AMOUNT);
            return;
        }
        supply[assetId] += amount;
        account.total[assetId] += amount;
        events.balanceChanged(account, assetId, BalanceReason.DEPOSIT);
    }

    private void onWithdraw(final long accountId, final int assetId, final long amount)
    {
        final Account account = transferAccount(accountId, assetId);
        if (account == null)
        {
            return;
        }
        if (amount <= 0)
        {
            reject(RejectReason.INVALID_AMOUNT);
            return;
        }
        if (amount > account.available(assetId))
        {
            reject(RejectReason.INSUFFICIENT_BALANCE);
            return;
        }
        supply[assetId] -= amount;
        account.total[assetId] -= amount;
        events.balanceChanged(account, assetId, BalanceReason.WITHDRAWAL);
    }

    // ---------------------------------------------------------------- orders

    private void onNewOrder(final NewOrderDecoder command)
    {
        final long accountId = command.accountId();
        final int instrumentId = command.instrumentId();
        command.getClientOrderId(commandClientOrderId, 0);
        rejectAccountId = accountId;
        rejectInstrumentId = instrumentId;
        rejectClientOrderId = commandClientOrderId;

        final Account account = accounts.get(accountId);
        if (account == null)
        {
            reject(RejectReason.UNKNOWN_ACCOUNT);
            return;
        }
        final OrderBook book = books.get(instrumentId);
        if (book == null)
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        if (book.halted)
        {
            reject(RejectReason.INSTRUMENT_HALTED);
            return;
        }
        final int clientOrderIdLength = ClientOrderIds.validLength(commandClientOrderId);
        if (clientOrderIdLength < 0)
        {
            reject(RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }

        final short side = command.sideRaw();
        final short orderType = command.orderTypeRaw();
        final short timeInForce = command.timeInForceRaw();
        final short postOnly = command.postOnlyRaw();
        final short stpMode = command.stpModeRaw();
        final long price = command.price();
        final long quantity = command.quantity();
        final long stopPrice = command.stopPrice();
        final long displayQuantity = command.displayQuantity();

        if (!validOrderParameters(side, orderType, timeInForce, postOnly, stpMode, price, quantity, stopPrice, displayQuantity))
        {
            reject(RejectReason.INVALID_ORDER_PARAMETERS);
            return;
        }
        final RejectReason quantityReject = checkQuantity(book, quantity, displayQuantity);
        if (quantityReject != null)
        {
            reject(quantityReject);
            return;
        }
        final boolean hasLimitPrice = orderType == Codes.LIMIT || orderType == Codes.STOP_LIMIT;
        final boolean isStop = orderType == Codes.STOP || orderType == Codes.STOP_LIMIT;
        if (hasLimitPrice)
        {
            final RejectReason priceReject = checkPriceOnTick(book, price);
            if (priceReject != null)
            {
                reject(priceReject);
                return;
            }
        }
        if (isStop)
        {
            final RejectReason stopReject = checkPriceOnTick(book, stopPrice);
            if (stopReject != null)
            {
                reject(stopReject);
                return;
            }
        }
        final long bandLow = book.bandLow();
        final long bandHigh = book.bandHigh();
        if ((hasLimitPrice && (price < bandLow || price > bandHigh)) ||
            (isStop && (stopPrice < bandLow || stopPrice > bandHigh)))
        {
            reject(RejectReason.PRICE_OUTSIDE_BAND);
            return;
        }
        // bandHigh may be off tick; the rulebook rounds it down to the tick below for this check.
        if (book.buyHold(hasLimitPrice ? price : bandHigh - bandHigh % book.tickSize, quantity) == Money.TOO_LARGE)
        {
            reject(RejectReason.NOTIONAL_TOO_LARGE);
            return;
        }
        if (clientOrderIdLength > 0 && clientOrderIds.find(accountId, commandClientOrderId) != null)
        {
            reject(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
            return;
        }
        if (account.openOrderCount >= maxOpenOrdersPerAccount)
        {
            reject(RejectReason.TOO_MANY_OPEN_ORDERS);
            return;
        }
        if (isStop && (side == Codes.BUY ? book.lastPrice() >= stopPrice : book.lastPrice() <= stopPrice))
        {
            reject(RejectReason.STOP_WOULD_TRIGGER_IMMEDIATELY);
            return;
        }
        if (postOnly == Codes.TRUE && wouldCross(book, (byte)side, price))
        {
            reject(RejectReason.POST_ONLY_WOULD_CROSS);
            return;
        }
        if (side == Codes.SELL ?
            account.available(book.baseAssetId) < quantity :
            hasLimitPrice && account.available(book.quoteAssetId) < book.buyHold(price, quantity))
        {
            reject(RejectReason.INSUFFICIENT_BALANCE);
            return;
        }

        final Order order = orderPool.acquire();
        order.account = account;
        order.book = book;
        order.side = (byte)side;
        order.orderType = (byte)orderType;
        order.timeInForce = (byte)timeInForce;
        order.postOnly = postOnly == Codes.TRUE;
        order.stpMode = stpMode == Codes.STP_ACCOUNT_DEFAULT ? account.stpMode : (byte)stpMode;
        order.price = price;
        order.stopPrice = stopPrice;
        order.quantity = quantity;
        order.displayQuantity = displayQuantity;
        order.remaining = quantity;
        System.arraycopy(commandClientOrderId, 0, order.clientOrderId, 0, ClientOrderIds.LENGTH);
        order.hasClientOrderId = clientOrderIdLength > 0;

        if (orderType == Codes.LIMIT && timeInForce == Codes.FOK && !fillOrKillFillable(order))
        {
            orderPool.release(order);
            reject(RejectReason.FOK_CANNOT_FILL);
            return;
        }

        order.orderId = nextOrderId++;
        events.orderAccepted(order);
        if (isStop)
        {
            placeStop(order);
        }
        else
        {
            traded = false;
            order.state = Order.STATE_EXECUTING;
            execute(order);
            if (traded)
            {
                triggerStops(book);
            }
        }
    }

    private static boolean validOrderParameters(
        final short side,
        final short orderType,
        final short timeInForce,
        final short postOnly,
        final short stpMode,
        final long price,
        final long quantity,
        final long stopPrice,
        final long displayQuantity)
    {
        if (side > Codes.SELL || orderType > Codes.STOP_LIMIT || timeInForce > Codes.FOK ||
            postOnly > Codes.TRUE || stpMode > Codes.STP_CANCEL_BOTH)
        {
            return false;
        }
        final boolean marketLike = orderType == Codes.MARKET || orderType == Codes.STOP;
        if (marketLike && (price != 0 || timeInForce != Codes.IOC))
        {
            return false;
        }
        final boolean isStop = orderType == Codes.STOP || orderType == Codes.STOP_LIMIT;
        if (isStop ? stopPrice == 0 : stopPrice != 0)
        {
            return false;
        }
        if (postOnly == Codes.TRUE && (orderType != Codes.LIMIT || timeInForce != Codes.GTC))
        {
            return false;
        }
        if (displayQuantity != 0)
        {
            final boolean limitLike = orderType == Codes.LIMIT || orderType == Codes.STOP_LIMIT;
            return displayQuantity > 0 && displayQuantity <= quantity && limitLike && timeInForce == Codes.GTC;
        }
        return true;
    }

    private static RejectReason checkQuantity(final OrderBook book, final long quantity, final long displayQuantity)
    {
        if (quantity <= 0)
        {
            return RejectReason.INVALID_QUANTITY;
        }
        if (!book.lots.divides(quantity) || !book.lots.divides(displayQuantity))
        {
            return RejectReason.QUANTITY_NOT_ON_LOT;
        }
        if (quantity < book.minQuantity)
        {
            return RejectReason.QUANTITY_BELOW_MINIMUM;
        }
        if (quantity > book.maxQuantity)
        {
            return RejectReason.QUANTITY_ABOVE_MAXIMUM;
        }
        return null;
    }

    private static RejectReason checkPriceOnTick(final OrderBook book, final long price)
    {
        if (price <= 0)
        {
            return RejectReason.INVALID_PRICE;
        }
        if (!book.ticks.divides(price))
        {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        return null;
    }

    private static boolean wouldCross(final OrderBook book, final byte side, final long price)
    {
        final PriceLevel best = book.opposite(side).best();
        return best != null && (side == Codes.BUY ? price >= best.price : price <= best.price);
    }

    /** The rulebook's conservative fill-or-kill test: never lets a FOK be cut short. */
    private boolean fillOrKillFillable(final Order taker)
    {
        final BookSide opposite = taker.book.opposite(taker.side);
        final boolean buy = taker.isBuy();
        long available = 0;
        for (int rank = 0, levels = opposite.size(); rank < levels; rank++)
        {
            final PriceLevel level = opposite.levelFromBest(rank);
            if (buy ? level.price > taker.price : level.price < taker.price)
            {
                return false;
            }
            for (Order maker = level.head; maker != null; maker = maker.levelNext)
            {
                if (maker.account == taker.account)
                {
                    if (taker.stpMode != Codes.STP_CANCEL_OLDEST)
                    {
                        return false;
                    }
                }
                else
                {
                    // Saturates: with huge lots the quantity on offer can sum past Long.MAX_VALUE.
                    available = available > Long.MAX_VALUE - maker.remaining ? Long.MAX_VALUE : available + maker.remaining;
                }
            }
            if (available >= taker.remaining)
            {
                return true;
            }
        }
        return false;
    }

    private void placeStop(final Order order)
    {
        final OrderBook book = order.book;
        final long hold;
        if (order.side == Codes.SELL)
        {
            hold = order.quantity;
        }
        else
        {
            hold = order.orderType == Codes.STOP_LIMIT ? book.buyHold(order.price, order.quantity) : 0;
        }
        order.state = Order.STATE_PENDING_STOP;
        final BookSide stops = order.side == Codes.BUY ? book.buyStops : book.sellStops;
        stops.findOrCreate(order.stopPrice).append(order);
        register(order);
        takeHold(order, hold);
    }

    /**
     * Matches a taker against the opposite side, then rests, or cancels its remainder. The taker
     * holds nothing while it matches: its balance was checked before, and its trades settle directly.
     */
    private void execute(final Order taker)
    {
        final OrderBook book = taker.book;
        final BookSide opposite = book.opposite(taker.side);
        final boolean buy = taker.isBuy();
        final boolean market = taker.orderType == Codes.MARKET || taker.orderType == Codes.STOP;
        final long limit = market ? (buy ? book.bandHigh() : book.bandLow()) : taker.price;
        final boolean budgeted = market && buy;
        long budget = budgeted ? taker.account.available(book.quoteAssetId) : 0;

        while (taker.remaining > 0)
        {
            final PriceLevel level = opposite.best();
            if (level == null || (buy ? level.price > limit : level.price < limit))
            {
                break;
            }
            final Order maker = level.head;
            if (maker.account == taker.account)
            {
                final byte stpMode = taker.stpMode;
                if (stpMode != Codes.STP_CANCEL_NEWEST)
                {
                    cancelOpenOrder(maker, CancelReason.SELF_TRADE_PREVENTION);
                }
                if (stpMode != Codes.STP_CANCEL_OLDEST)
                {
                    events.orderCancelled(taker, CancelReason.SELF_TRADE_PREVENTION);
                    close(taker);
                    return;
                }
                continue;
            }
            long quantity = Math.min(taker.remaining, maker.visible);
            if (budgeted)
            {
                quantity = affordableQuantity(book, level.price, quantity, budget);
                if (quantity == 0)
                {
                    break;
                }
            }
            budget -= trade(taker, maker, level, quantity);
        }

        if (taker.remaining == 0)
        {
            close(taker);
        }
        else if (!market && taker.timeInForce == Codes.GTC)
        {
            rest(taker);
        }
        else
        {
            events.orderCancelled(taker, CancelReason.IOC_REMAINDER);
            close(taker);
        }
    }

    /** Largest multiple of the lot, up to maxQuantity, whose notional plus taker fee fits the budget. */
    private static long affordableQuantity(final OrderBook book, final long price, final long maxQuantity, final long budget)
    {
        final long lotSize = book.lotSize;
        if (marketBuyCost(book, price, maxQuantity) <= budget)
        {
            return maxQuantity;
        }
        long low = 0;
        long high = maxQuantity / lotSize;
        while (low < high)
        {
            final long mid = (low + high + 1) >>> 1;
            if (marketBuyCost(book, price, mid * lotSize) <= budget)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low * lotSize;
    }

    private static long marketBuyCost(final OrderBook book, final long price, final long quantity)
    {
        final long notional = book.notional(price, quantity);
        return notional == Money.TOO_LARGE ? Long.MAX_VALUE : notional + Money.fee(notional, book.takerFeePpm);
    }

    /**
     * One trade of quantity at the maker's price. Emits the trade, the maker's book change and the four
     * balance changes, and returns what the taker paid in quote when it is the buyer (else 0).
     */
    private long trade(final Order taker, final Order maker, final PriceLevel level, final long quantity)
    {
        final OrderBook book = taker.book;
        final long price = level.price;
        final long notional = book.notional(price, quantity);
        final long makerFee = Money.fee(notional, book.makerFeePpm);
        final long takerFee = Money.fee(notional, book.takerFeePpm);

        maker.remaining -= quantity;
        maker.visible -= quantity;
        maker.filled += quantity;
        taker.remaining -= quantity;
        taker.filled += quantity;
        events.trade(nextTradeId++, price, quantity, maker, makerFee, taker, takerFee);

        final boolean makerFilled = maker.remaining == 0;
        if (makerFilled)
        {
            removeFromLevel(maker, book.opposite(taker.side));
            events.bookChanged(maker, BookAction.REMOVED, 0);
        }
        else if (maker.visible == 0)
        {
            // Iceberg: the used-up visible part is replaced by a new one at the back of the queue.
            events.bookChanged(maker, BookAction.REMOVED, 0);
            level.remove(maker);
            maker.visible = visiblePart(maker);
            level.append(maker);
            events.bookChanged(maker, BookAction.ADDED, maker.visible);
        }
        else
        {
            events.bookChanged(maker, BookAction.REDUCED, maker.visible);
        }

        final int base = book.baseAssetId;
        final int quote = book.quoteAssetId;
        final boolean takerBuys = taker.isBuy();
        final Order buyer = takerBuys ? taker : maker;
        final Order seller = takerBuys ? maker : taker;
        final Account buyerAccount = buyer.account;
        final Account sellerAccount = seller.account;
        final long buyerFee = takerBuys ? takerFee : makerFee;
        final long sellerFee = takerBuys ? makerFee : takerFee;

        if (!takerBuys)
        {
            final long newHold = book.buyHold(maker.price, maker.remaining);
            buyerAccount.held[quote] -= maker.hold - newHold;
            maker.hold = newHold;
        }
        buyerAccount.total[quote] -= notional + buyerFee;
        events.balanceChanged(buyerAccount, quote, BalanceReason.TRADE);
        buyerAccount.total[base] += quantity;
        events.balanceChanged(buyerAccount, base, BalanceReason.TRADE);
        if (takerBuys)
        {
            sellerAccount.held[base] -= quantity;
            maker.hold -= quantity;
        }
        sellerAccount.total[base] -= quantity;
        events.balanceChanged(sellerAccount, base, BalanceReason.TRADE);
        sellerAccount.total[quote] += notional - sellerFee;
        events.balanceChanged(sellerAccount, quote, BalanceReason.TRADE);

        feesCollected[quote] += makerFee + takerFee;
        book.lastPrice(price);
        traded = true;
        if (makerFilled)
        {
            close(maker);
        }
        return takerBuys ? notional + takerFee : 0;
    }

    private static long visiblePart(final Order order)
    {
        return order.displayQuantity == 0 ? order.remaining : Math.min(order.displayQuantity, order.remaining);
    }

    private void rest(final Order order)
    {
        final OrderBook book = order.book;
        order.visible = visiblePart(order);
        order.state = Order.STATE_RESTING;
        book.side(order.side).findOrCreate(order.price).append(order);
        events.bookChanged(order, BookAction.ADDED, order.visible);
        if (!order.registered)
        {
            register(order);
        }
        takeHold(order, order.isBuy() ? book.buyHold(order.price, order.remaining) : order.remaining);
    }

    private void takeHold(final Order order, final long hold)
    {
        order.hold = hold;
        if (hold != 0)
        {
            final int asset = order.isBuy() ? order.book.quoteAssetId : order.book.baseAssetId;
            order.account.held[asset] += hold;
            events.balanceChanged(order.account, asset, BalanceReason.ORDER_HOLD);
        }
    }

    private void releaseHold(final Order order, final long amount)
    {
        if (amount != 0)
        {
            final int asset = order.isBuy() ? order.book.quoteAssetId : order.book.baseAssetId;
            order.account.held[asset] -= amount;
            order.hold -= amount;
            events.balanceChanged(order.account, asset, BalanceReason.ORDER_RELEASE);
        }
    }

    private void adjustHold(final Order order, final long newHold)
    {
        if (newHold > order.hold)
        {
            final int asset = order.isBuy() ? order.book.quoteAssetId : order.book.baseAssetId;
            order.account.held[asset] += newHold - order.hold;
            order.hold = newHold;
            events.balanceChanged(order.account, asset, BalanceReason.ORDER_HOLD);
        }
        else
        {
            releaseHold(order, order.hold - newHold);
        }
    }

    private void triggerStops(final OrderBook book)
    {
        while (true)
        {
            final long last = book.lastPrice();
            final PriceLevel buyLevel = book.buyStops.best();
            final BookSide stops;
            if (buyLevel != null && buyLevel.price <= last)
            {
                stops = book.buyStops;
            }
            else
            {
                final PriceLevel sellLevel = book.sellStops.best();
                if (sellLevel == null || sellLevel.price < last)
                {
                    return;
                }
                stops = book.sellStops;
            }
            final Order stop = stops.best().head;
            removeFromLevel(stop, stops);
            stop.state = Order.STATE_EXECUTING;
            events.orderTriggered(stop, last);
            releaseHold(stop, stop.hold);
            if (stop.orderType == Codes.STOP_LIMIT && stop.timeInForce == Codes.FOK && !fillOrKillFillable(stop))
            {
                events.orderCancelled(stop, CancelReason.IOC_REMAINDER);
                close(stop);
                continue;
            }
            execute(stop);
        }
    }

    private void onCancelOrder(final CancelOrderDecoder command)
    {
        final long accountId = command.accountId();
        final long orderId = command.orderId();
        deferClientOrderId(command.buffer(), command.offset() + CancelOrderDecoder.clientOrderIdEncodingOffset());
        rejectAccountId = accountId;
        rejectOrderId = orderId;

        final Order order = findOpenOrder(accountId, orderId);
        if (order == null)
        {
            reject(accounts.containsKey(accountId) ? RejectReason.UNKNOWN_ORDER : RejectReason.UNKNOWN_ACCOUNT);
            return;
        }
        cancelOpenOrder(order, CancelReason.USER);
    }

    private void onReplaceOrder(final ReplaceOrderDecoder command)
    {
        final long accountId = command.accountId();
        final long orderId = command.orderId();
        deferClientOrderId(command.buffer(), command.offset() + ReplaceOrderDecoder.clientOrderIdEncodingOffset());
        rejectAccountId = accountId;
        rejectOrderId = orderId;

        final Order order = findOpenOrder(accountId, orderId);
        if (order == null)
        {
            reject(accounts.containsKey(accountId) ? RejectReason.UNKNOWN_ORDER : RejectReason.UNKNOWN_ACCOUNT);
            return;
        }
        final Account account = order.account;
        final OrderBook book = order.book;
        if (book.halted)
        {
            reject(RejectReason.INSTRUMENT_HALTED);
            return;
        }
        if (order.state != Order.STATE_RESTING)
        {
            reject(RejectReason.ORDER_NOT_AMENDABLE);
            return;
        }
        final long newPrice = command.newPrice();
        final long newQuantity = command.newQuantity();
        final RejectReason quantityReject = checkQuantity(book, newQuantity, 0);
        if (quantityReject != null)
        {
            reject(quantityReject);
            return;
        }
        final RejectReason priceReject = checkPriceOnTick(book, newPrice);
        if (priceReject != null)
        {
            reject(priceReject);
            return;
        }
        final boolean priceChanges = newPrice != order.price;
        if (priceChanges && (newPrice < book.bandLow() || newPrice > book.bandHigh()))
        {
            reject(RejectReason.PRICE_OUTSIDE_BAND);
            return;
        }
        final long newBuyHold = book.buyHold(newPrice, newQuantity);
        if (newBuyHold == Money.TOO_LARGE)
        {
            reject(RejectReason.NOTIONAL_TOO_LARGE);
            return;
        }
        if (order.postOnly && wouldCross(book, order.side, newPrice))
        {
            reject(RejectReason.POST_ONLY_WOULD_CROSS);
            return;
        }
        final boolean buy = order.isBuy();
        final long newHold = buy ? newBuyHold : newQuantity;
        if (newHold - order.hold > account.available(buy ? book.quoteAssetId : book.baseAssetId))
        {
            reject(RejectReason.INSUFFICIENT_BALANCE);
            return;
        }

        if (!priceChanges && newQuantity <= order.remaining)
        {
            order.remaining = newQuantity;
            events.orderReplaced(order, newPrice, newQuantity, true);
            if (order.visible > newQuantity)
            {
                order.visible = newQuantity;
                events.bookChanged(order, BookAction.REDUCED, newQuantity);
            }
            releaseHold(order, order.hold - newHold);
            return;
        }

        events.orderReplaced(order, newPrice, newQuantity, false);
        if (!wouldCross(book, order.side, newPrice))
        {
            // Nothing to match: straight to the back of the queue at the new price, and the hold moves
            // once, by the difference, instead of being released and taken again.
            final PriceLevel oldLevel = order.level;
            oldLevel.remove(order);
            events.bookChanged(order, BookAction.REMOVED, 0);
            final BookSide side = book.side(order.side);
            final PriceLevel level = oldLevel.isEmpty() ? side.reprice(oldLevel, newPrice) : side.findOrCreate(newPrice);
            order.price = newPrice;
            order.remaining = newQuantity;
            order.visible = visiblePart(order);
            level.append(order);
            events.bookChanged(order, BookAction.ADDED, order.visible);
            adjustHold(order, newHold);
            return;
        }
        removeFromLevel(order, book.side(order.side));
        events.bookChanged(order, BookAction.REMOVED, 0);
        releaseHold(order, order.hold);
        order.price = newPrice;
        order.remaining = newQuantity;
        order.state = Order.STATE_EXECUTING;
        traded = false;
        execute(order);
        if (traded)
        {
            triggerStops(book);
        }
    }

    /**
     * The open order of the account named by id (or, when the id is 0, by client order id). An order
     * found belongs to an existing account, so the account needs no lookup of its own; when none is
     * found the caller tells an unknown account from an unknown order, as the rulebook orders them.
     */
    private Order findOpenOrder(final long accountId, final long orderId)
    {
        final Order order;
        if (orderId != 0)
        {
            order = openOrders.get(orderId);
        }
        else
        {
            copyDeferredClientOrderId();
            order = ClientOrderIds.validLength(commandClientOrderId) > 0 ?
                clientOrderIds.find(accountId, commandClientOrderId) : null;
        }
        return order != null && order.account.accountId == accountId ? order : null;
    }

    private void onMassCancel(final MassCancelDecoder command)
    {
        final long accountId = command.accountId();
        final int instrumentId = command.instrumentId();
        rejectAccountId = accountId;
        rejectInstrumentId = instrumentId;
        final Account account = accounts.get(accountId);
        if (account == null)
        {
            reject(RejectReason.UNKNOWN_ACCOUNT);
            return;
        }
        if (instrumentId != 0 && !books.containsKey(instrumentId))
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        int cancelled = 0;
        Order order = account.openHead;
        while (order != null)
        {
            final Order next = order.accountNext;
            if (instrumentId == 0 || order.book.instrumentId == instrumentId)
            {
                cancelOpenOrder(order, CancelReason.MASS_CANCEL);
                cancelled++;
            }
            order = next;
        }
        events.massCancelCompleted(accountId, instrumentId, cancelled);
    }

    private void onHaltInstrument(final HaltInstrumentDecoder command)
    {
        final int instrumentId = command.instrumentId();
        rejectInstrumentId = instrumentId;
        final OrderBook book = books.get(instrumentId);
        if (book == null)
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        if (book.halted)
        {
            reject(RejectReason.INSTRUMENT_HALTED);
            return;
        }
        book.halted = true;
        events.instrumentStatusChanged(book);
        if (command.cancelOrdersRaw() == Codes.TRUE)
        {
            Order order = book.openHead;
            while (order != null)
            {
                final Order next = order.bookNext;
                cancelOpenOrder(order, CancelReason.HALT);
                order = next;
            }
        }
    }

    private void onResumeInstrument(final int instrumentId)
    {
        rejectInstrumentId = instrumentId;
        final OrderBook book = books.get(instrumentId);
        if (book == null)
        {
            reject(RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        if (!book.halted)
        {
            reject(RejectReason.INSTRUMENT_NOT_HALTED);
            return;
        }
        book.halted = false;
        events.instrumentStatusChanged(book);
    }

    /** Cancels an open (resting or pending) order: event, out of the book, hold released. */
    private void cancelOpenOrder(final Order order, final CancelReason reason)
    {
        events.orderCancelled(order, reason);
        final OrderBook book = order.book;
        if (order.state == Order.STATE_RESTING)
        {
            removeFromLevel(order, book.side(order.side));
            events.bookChanged(order, BookAction.REMOVED, 0);
        }
        else
        {
            removeFromLevel(order, order.isBuy() ? book.buyStops : book.sellStops);
        }
        releaseHold(order, order.hold);
        close(order);
    }

    private static void removeFromLevel(final Order order, final BookSide side)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        if (level.isEmpty())
        {
            side.removeLevel(level);
        }
    }

    /** Makes an order open: findable by id and client order id, counted and listed for mass cancel. */
    private void register(final Order order)
    {
        order.registered = true;
        openOrders.put(order.orderId, order);
        if (order.hasClientOrderId)
        {
            clientOrderIds.add(order);
        }
        order.account.addOpenOrder(order);
        order.book.addOpenOrder(order);
    }

    /** The order's life is over: it leaves every index and goes back to the pool. */
    private void close(final Order order)
    {
        if (order.registered)
        {
            openOrders.remove(order.orderId);
            if (order.hasClientOrderId)
            {
                clientOrderIds.remove(order);
            }
            order.account.removeOpenOrder(order);
            order.book.removeOpenOrder(order);
        }
        orderPool.release(order);
    }

    // ---------------------------------------------------------------- state access for StateDump

    long nextOrderId()
    {
        return nextOrderId;
    }

    long nextTradeId()
    {
        return nextTradeId;
    }

    Assets assets()
    {
        return assets;
    }

    Long2ObjectHashMap<Account> accounts()
    {
        return accounts;
    }

    Int2ObjectHashMap<OrderBook> books()
    {
        return books;
    }

    long[] feesCollected()
    {
        return feesCollected;
    }

    ApiKeys apiKeys()
    {
        return apiKeys;
    }

    // ---------------------------------------------------------------- state restore for EngineSnapshot

    LevelPool levelPool()
    {
        return levelPool;
    }

    Order findOpenOrder(final long orderId)
    {
        return openOrders.get(orderId);
    }

    void restoreCounters(final long lastSequence, final long nextOrderId, final long nextTradeId)
    {
        this.lastSequence = lastSequence;
        this.nextOrderId = nextOrderId;
        this.nextTradeId = nextTradeId;
    }

    /** Supply is not in a snapshot: by conservation it is every account's total plus the fees collected. */
    void restoreSupply()
    {
        java.util.Arrays.fill(supply, 0);
        for (final Account account : accounts.values())
        {
            for (int assetId = 0; assetId < Assets.MAX_ASSETS; assetId++)
            {
                supply[assetId] += account.total[assetId];
            }
        }
        for (int assetId = 0; assetId < Assets.MAX_ASSETS; assetId++)
        {
            supply[assetId] += feesCollected[assetId];
        }
    }

    /** Indexes an order loaded from a snapshot exactly as an order accepted now would be. */
    void registerRestored(final Order order)
    {
        register(order);
    }

    /** Configuration of an engine, Aeron style: fluent setters, defaults and checks in {@link #conclude()}. */
    public static final class Context
    {
        private EventSink eventSink;
        private int maxOpenOrdersPerAccount = 1_000;

        /** Checks the configuration; called by the engine's constructor. */
        public Context conclude()
        {
            Objects.requireNonNull(eventSink, "eventSink");
            if (maxOpenOrdersPerAccount <= 0)
            {
                throw new IllegalArgumentException("maxOpenOrdersPerAccount must be positive: " + maxOpenOrdersPerAccount);
            }
            return this;
        }

        public Context eventSink(final EventSink eventSink)
        {
            this.eventSink = eventSink;
            return this;
        }

        public EventSink eventSink()
        {
            return eventSink;
        }

        public Context maxOpenOrdersPerAccount(final int maxOpenOrdersPerAccount)
        {
            this.maxOpenOrdersPerAccount = maxOpenOrdersPerAccount;
            return this;
        }

        public int maxOpenOrdersPerAccount()
        {
            return maxOpenOrdersPerAccount;
        }
    }
}
