package bourse.engine.client;

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
import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import org.agrona.concurrent.IdleStrategy;

/**
 * Sends commands to the engine service: each method claims room on the command publication, encodes
 * the command in place with a reused SBE encoder and commits it. Sequence and timestamp are left 0:
 * the service stamps them.
 *
 * <p>Every command carries this proxy's source id and a correlation id the caller takes from
 * {@link #nextCorrelationId()}; the engine's events for it repeat both. The service applies a command
 * only if its correlation id is above the last one it applied for the source, so a command whose fate
 * is unknown (the connection dropped before its events arrived) can be sent again with the same
 * correlation id, from this proxy or from a new one with the same source id, and is never applied
 * twice: a resend of an applied command is answered with {@code CommandRejected DUPLICATE_COMMAND}.
 * A new proxy for a source that sent before must therefore start above the source's last correlation
 * id; the default start, the current epoch time in nanoseconds, does so across restarts.
 *
 * <p>{@code BACK_PRESSURED} and {@code ADMIN_ACTION} are retried a bounded number of times, idling
 * between attempts; what still fails comes back as a {@link SendResult}, never silently dropped. Not
 * thread safe: one proxy per sending thread.
 */
public final class EngineProxy
{
    public static final int DEFAULT_MAX_ATTEMPTS = 100;

    private final Publication publication;
    private final int sourceId;
    private final int maxAttempts;
    private final IdleStrategy retryIdleStrategy;
    private final BufferClaim claim = new BufferClaim();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final MassCancelEncoder massCancel = new MassCancelEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private final WithdrawEncoder withdraw = new WithdrawEncoder();
    private final CreateAccountEncoder createAccount = new CreateAccountEncoder();
    private final AddInstrumentEncoder addInstrument = new AddInstrumentEncoder();
    private final HaltInstrumentEncoder haltInstrument = new HaltInstrumentEncoder();
    private final ResumeInstrumentEncoder resumeInstrument = new ResumeInstrumentEncoder();
    private final AddAssetEncoder addAsset = new AddAssetEncoder();
    private final CreateApiKeyEncoder createApiKey = new CreateApiKeyEncoder();
    private final RevokeApiKeyEncoder revokeApiKey = new RevokeApiKeyEncoder();
    private long lastCorrelationId;
    private SendResult claimResult;

    /**
     * @param publication       the command publication, on the engine's command channel and stream.
     * @param sourceId          who is sending: a gateway instance or session, unique among the engine's clients.
     * @param lastCorrelationId the correlation id before the first one {@link #nextCorrelationId()} hands out.
     * @param maxAttempts       how many times to try a claim before reporting back pressure.
     * @param retryIdleStrategy how to wait between attempts; reset before each command.
     */
    public EngineProxy(
        final Publication publication,
        final int sourceId,
        final long lastCorrelationId,
        final int maxAttempts,
        final IdleStrategy retryIdleStrategy)
    {
        if (maxAttempts < 1)
        {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.publication = publication;
        this.sourceId = sourceId;
        this.lastCorrelationId = lastCorrelationId;
        this.maxAttempts = maxAttempts;
        this.retryIdleStrategy = retryIdleStrategy;
    }

    public int sourceId()
    {
        return sourceId;
    }

    /** Whether an engine is subscribed to the command publication: until then every send fails with NOT_CONNECTED. */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /** The correlation id for the next new command: one above the last handed out. */
    public long nextCorrelationId()
    {
        return ++lastCorrelationId;
    }

    /** A new order; {@code price} 0 for MARKET and STOP, {@code stopPrice} 0 unless a stop, {@code displayQuantity} 0 unless an iceberg. */
    public SendResult newOrder(
        final long correlationId,
        final long accountId,
        final int instrumentId,
        final CharSequence clientOrderId,
        final Side side,
        final OrderType orderType,
        final TimeInForce timeInForce,
        final boolean postOnly,
        final StpMode stpMode,
        final long price,
        final long quantity,
        final long stopPrice,
        final long displayQuantity)
    {
        if (claim(NewOrderEncoder.BLOCK_LENGTH))
        {
            newOrder.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId)
                .instrumentId(instrumentId)
                .clientOrderId(clientOrderId)
                .side(side)
                .orderType(orderType)
                .timeInForce(timeInForce)
                .postOnly(postOnly ? BooleanType.TRUE : BooleanType.FALSE)
                .stpMode(stpMode)
                .price(price)
                .quantity(quantity)
                .stopPrice(stopPrice)
                .displayQuantity(displayQuantity);
            claim.commit();
        }
        return claimResult;
    }

    /** Cancels by order id, or by client order id when {@code orderId} is 0. */
    public SendResult cancelOrder(
        final long correlationId, final long accountId, final long orderId, final CharSequence clientOrderId)
    {
        if (claim(CancelOrderEncoder.BLOCK_LENGTH))
        {
            cancelOrder.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).orderId(orderId).clientOrderId(clientOrderId);
            claim.commit();
        }
        return claimResult;
    }

    /** Amends price and remaining quantity of a resting order, found by id or, when {@code orderId} is 0, by client order id. */
    public SendResult replaceOrder(
        final long correlationId,
        final long accountId,
        final long orderId,
        final CharSequence clientOrderId,
        final long newPrice,
        final long newQuantity)
    {
        if (claim(ReplaceOrderEncoder.BLOCK_LENGTH))
        {
            replaceOrder.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).orderId(orderId).clientOrderId(clientOrderId)
                .newPrice(newPrice).newQuantity(newQuantity);
            claim.commit();
        }
        return claimResult;
    }

    /** Cancels every open order of the account, of one instrument or of all when {@code instrumentId} is 0. */
    public SendResult massCancel(final long correlationId, final long accountId, final int instrumentId)
    {
        if (claim(MassCancelEncoder.BLOCK_LENGTH))
        {
            massCancel.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).instrumentId(instrumentId);
            claim.commit();
        }
        return claimResult;
    }

    public SendResult deposit(final long correlationId, final long accountId, final int assetId, final long amount)
    {
        if (claim(DepositEncoder.BLOCK_LENGTH))
        {
            deposit.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).assetId(assetId).amount(amount);
            claim.commit();
        }
        return claimResult;
    }

    public SendResult withdraw(final long correlationId, final long accountId, final int assetId, final long amount)
    {
        if (claim(WithdrawEncoder.BLOCK_LENGTH))
        {
            withdraw.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).assetId(assetId).amount(amount);
            claim.commit();
        }
        return claimResult;
    }

    public SendResult createAccount(final long correlationId, final long accountId, final StpMode stpMode)
    {
        if (claim(CreateAccountEncoder.BLOCK_LENGTH))
        {
            createAccount.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).stpMode(stpMode);
            claim.commit();
        }
        return claimResult;
    }

    /**
     * Gives the account an API key, of which the engine keeps and publishes only {@code keyHash}, the
     * SHA-256 of the key ({@link CreateApiKeyEncoder#keyHashLength()} bytes).
     */
    public SendResult createApiKey(final long correlationId, final long accountId, final byte[] keyHash)
    {
        if (keyHash.length != CreateApiKeyEncoder.keyHashLength())
        {
            throw new IllegalArgumentException(
                "a key hash is " + CreateApiKeyEncoder.keyHashLength() + " bytes, not " + keyHash.length);
        }
        if (claim(CreateApiKeyEncoder.BLOCK_LENGTH))
        {
            createApiKey.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).putKeyHash(keyHash, 0, keyHash.length);
            claim.commit();
        }
        return claimResult;
    }

    /** Takes the key of this hash from the account: gateways refuse it once they see {@code ApiKeyRevoked}. */
    public SendResult revokeApiKey(final long correlationId, final long accountId, final byte[] keyHash)
    {
        if (keyHash.length != RevokeApiKeyEncoder.keyHashLength())
        {
            throw new IllegalArgumentException(
                "a key hash is " + RevokeApiKeyEncoder.keyHashLength() + " bytes, not " + keyHash.length);
        }
        if (claim(RevokeApiKeyEncoder.BLOCK_LENGTH))
        {
            revokeApiKey.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .accountId(accountId).putKeyHash(keyHash, 0, keyHash.length);
            claim.commit();
        }
        return claimResult;
    }

    public SendResult addAsset(final long correlationId, final int assetId, final CharSequence code, final int scale)
    {
        if (claim(AddAssetEncoder.BLOCK_LENGTH))
        {
            addAsset.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .assetId(assetId).code(code).scale(scale);
            claim.commit();
        }
        return claimResult;
    }

    /** Adds an instrument; the fields are those of the schema's {@code AddInstrument}. */
    public SendResult addInstrument(
        final long correlationId,
        final int instrumentId,
        final CharSequence symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final int priceScale,
        final long tickSize,
        final long lotSize,
        final long minQuantity,
        final long maxQuantity,
        final int priceBandBps,
        final int makerFeePpm,
        final int takerFeePpm,
        final long referencePrice)
    {
        if (claim(AddInstrumentEncoder.BLOCK_LENGTH))
        {
            addInstrument.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .instrumentId(instrumentId)
                .symbol(symbol)
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
                .referencePrice(referencePrice);
            claim.commit();
        }
        return claimResult;
    }

    public SendResult haltInstrument(final long correlationId, final int instrumentId, final boolean cancelOrders)
    {
        if (claim(HaltInstrumentEncoder.BLOCK_LENGTH))
        {
            haltInstrument.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .instrumentId(instrumentId).cancelOrders(cancelOrders ? BooleanType.TRUE : BooleanType.FALSE);
            claim.commit();
        }
        return claimResult;
    }

    public SendResult resumeInstrument(final long correlationId, final int instrumentId)
    {
        if (claim(ResumeInstrumentEncoder.BLOCK_LENGTH))
        {
            resumeInstrument.wrapAndApplyHeader(claim.buffer(), claim.offset(), header)
                .sequence(0).timestampNs(0).sourceId(sourceId).correlationId(correlationId)
                .instrumentId(instrumentId);
            claim.commit();
        }
        return claimResult;
    }

    /**
     * Claims room for a command with a block of {@code blockLength} bytes, retrying while the publication
     * is back-pressured or the driver is busy; true when claimed, else {@link #claimResult} says why not.
     */
    private boolean claim(final int blockLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        retryIdleStrategy.reset();
        for (int attempt = 1; ; attempt++)
        {
            final long result = publication.tryClaim(length, claim);
            if (result > 0)
            {
                claimResult = SendResult.SENT;
                return true;
            }
            if (result == Publication.NOT_CONNECTED)
            {
                claimResult = SendResult.NOT_CONNECTED;
                return false;
            }
            if (result == Publication.CLOSED)
            {
                claimResult = SendResult.CLOSED;
                return false;
            }
            if (result == Publication.MAX_POSITION_EXCEEDED)
            {
                claimResult = SendResult.MAX_POSITION_EXCEEDED;
                return false;
            }
            if (attempt == maxAttempts)
            {
                claimResult = SendResult.BACK_PRESSURED;
                return false;
            }
            retryIdleStrategy.idle();
        }
    }
}
