package bourse.gateway;

import bourse.engine.client.EngineEventListener;
import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.ApiKeyCreatedDecoder;
import bourse.sbe.ApiKeyRevokedDecoder;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.InstrumentStatus;
import bourse.sbe.InstrumentStatusChangedDecoder;
import bourse.sbe.MassCancelCompletedDecoder;
import bourse.sbe.NewOrderDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.OrderTriggeredDecoder;
import bourse.sbe.RejectReason;
import bourse.sbe.TradeDecoder;
import bourse.v1.CancelAllResponse;
import bourse.v1.CancelOrderResponse;
import bourse.v1.ExecutionReport;
import bourse.v1.ExecutionType;
import bourse.v1.Liquidity;
import bourse.v1.OrderState;
import bourse.v1.ReplaceOrderResponse;
import io.grpc.Status;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.NanoClock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's order desk, on its agent thread: it sends the engine the commands that calls ask for,
 * keeps every order's state from the engine's events, answers each call when its command's events have
 * arrived, and routes every execution report to the account's execution streams and to the sessions that
 * placed the order or asked for the change.
 * <p>
 * A command's events arrive together and in sequence order. A call is answered when the events of a later
 * command begin, or at the end of the message that carried them, so its answer shows the order exactly as
 * the command left it.
 */
final class OrderRouter implements EngineEventListener
{
    static final long NO_DEADLINE = Long.MIN_VALUE;

    private final int sourceId;
    private final EngineProxy proxy;
    private final NanoClock clock;
    private final InstrumentCatalog catalog;
    private final ApiKeyTable apiKeys;
    private final OrderStore orders;
    private final Reports reports;
    private final ArrayDeque<PendingCommand> pending = new ArrayDeque<>();
    private long commandsSent;
    private final Long2ObjectHashMap<List<OutboundStream<ExecutionReport>>> executionStreams = new Long2ObjectHashMap<>();
    private final List<SessionCall> sessions = new ArrayList<>();
    /** Open orders of ended sessions with cancel-on-disconnect, still to be cancelled. */
    private final LongArrayList cancelsOnDisconnect = new LongArrayList();
    private final byte[] clientOrderIdBytes = new byte[NewOrderDecoder.clientOrderIdLength()];
    private final byte[] keyHash = new byte[ApiKeyCreatedDecoder.keyHashLength()];
    private boolean connected;

    private long currentSequence = -1;
    private long currentTimestampNs;
    /** The pending command whose events are being read, if they are one of this gateway's. */
    private PendingCommand active;

    OrderRouter(
        final int sourceId,
        final EngineProxy proxy,
        final NanoClock clock,
        final InstrumentCatalog catalog,
        final ApiKeyTable apiKeys,
        final int retainFinishedOrders)
    {
        this.sourceId = sourceId;
        this.proxy = proxy;
        this.clock = clock;
        this.catalog = catalog;
        this.apiKeys = apiKeys;
        this.orders = new OrderStore(retainFinishedOrders);
        this.reports = new Reports(catalog);
    }

    Reports reports()
    {
        return reports;
    }

    // ---------------------------------------------------------------- link to the engine

    /**
     * The engine link came up or went down. When it goes down, every call waiting for an answer is told
     * UNAVAILABLE: its command may or may not have been applied, and a retry with the same client order id
     * finds out which without placing a second order.
     */
    void onConnectionChanged(final boolean connected)
    {
        this.connected = connected;
        if (!connected)
        {
            final Status status = Status.UNAVAILABLE.withDescription(
                "the link to the engine dropped before the answer came: retry with the same client_order_id");
            for (final PendingCommand command : pending)
            {
                command.abandon(status);
            }
        }
    }

    /** The end of a message from the engine: the last command in it is complete too. */
    void onEndOfMessage()
    {
        completeAnswered();
    }

    int pendingCount()
    {
        return pending.size();
    }

    /** Commands the engine's stream took, ever. */
    long commandsSent()
    {
        return commandsSent;
    }

    int apiKeyCount()
    {
        return apiKeys.size();
    }

    // ---------------------------------------------------------------- requests (agent thread)

    /**
     * Places an order, unless the account's client order id is known: then the known order answers (at
     * once, or when its own submit is answered if it is still pending).
     *
     * @return false when the engine is back-pressured: run again later.
     */
    boolean submit(
        final long accountId,
        final OrderParameters order,
        final SessionCall session,
        final long requestId,
        final Outcome<SubmitResult> outcome,
        final long deadlineNs)
    {
        final OrderRecord known = orders.byClientOrderId(accountId, order.clientOrderId());
        if (known != null)
        {
            if (known.isPending())
            {
                known.addWaiter(outcome);
            }
            else
            {
                outcome.succeed(new SubmitResult(reports.status(known), true));
            }
            return true;
        }
        if (refused(outcome, deadlineNs))
        {
            return true;
        }
        final long correlationId = proxy.nextCorrelationId();
        final SendResult sent = proxy.newOrder(correlationId, accountId, order.instrument().instrumentId(),
            order.clientOrderId(), ProtoCodes.sbeSide(order.side()), ProtoCodes.sbeOrderType(order.type()),
            ProtoCodes.sbeTimeInForce(order.timeInForce()), order.postOnly(), ProtoCodes.sbeStpMode(order.stpMode()),
            order.price(), order.quantity(), order.stopPrice(), order.displayQuantity());
        if (!sent(sent, outcome))
        {
            return sent != SendResult.BACK_PRESSURED;
        }
        final OrderRecord record = new OrderRecord(accountId, order.clientOrderId(), order.instrument().instrumentId(),
            ProtoCodes.sbeSide(order.side()).value(), ProtoCodes.sbeOrderType(order.type()).value(),
            ProtoCodes.sbeTimeInForce(order.timeInForce()).value(), order.postOnly(), order.stpMode().getNumber(),
            order.price(), order.quantity(), order.stopPrice(), order.displayQuantity());
        record.owner = session;
        record.addWaiter(outcome);
        orders.indexClientOrderId(record);
        awaitAnswer(new Submit(correlationId, session, requestId, record));
        return true;
    }

    /** Cancels one of the account's orders; NOT_FOUND when the account has no such order. */
    boolean cancel(
        final long accountId,
        final long orderId,
        final String clientOrderId,
        final SessionCall session,
        final long requestId,
        final Outcome<CancelOrderResponse> outcome,
        final long deadlineNs)
    {
        final OrderRecord order = find(accountId, orderId, clientOrderId, outcome);
        if (order == null || refused(outcome, deadlineNs))
        {
            return true;
        }
        final long correlationId = proxy.nextCorrelationId();
        final SendResult sent = proxy.cancelOrder(correlationId, accountId, order.orderId, order.clientOrderId);
        if (!sent(sent, outcome))
        {
            return sent != SendResult.BACK_PRESSURED;
        }
        awaitAnswer(new PendingCommand.Answered<>(correlationId, session, requestId, outcome,
            command -> CancelOrderResponse.newBuilder()
                .setReport(reportAfter(order, command))
                .setRejectReasonValue(command.rejectReason)
                .setEngineSequence(command.sequence)
                .build()));
        return true;
    }

    /** Amends one of the account's orders; the new price and quantity are read at the order's scales. */
    boolean replace(
        final long accountId,
        final long orderId,
        final String clientOrderId,
        final String price,
        final String quantity,
        final SessionCall session,
        final long requestId,
        final Outcome<ReplaceOrderResponse> outcome,
        final long deadlineNs)
    {
        final OrderRecord order = find(accountId, orderId, clientOrderId, outcome);
        if (order == null)
        {
            return true;
        }
        final long newPrice;
        final long newQuantity;
        try
        {
            final InstrumentInfo instrument = catalog.byId(order.instrumentId);
            newPrice = Decimals.parsePositive(price, instrument.priceScale(), "price");
            newQuantity = Decimals.parsePositive(quantity, instrument.baseScale(), "quantity");
        }
        catch (final RequestException ex)
        {
            outcome.fail(ex.status());
            return true;
        }
        if (refused(outcome, deadlineNs))
        {
            return true;
        }
        final long correlationId = proxy.nextCorrelationId();
        final SendResult sent = proxy.replaceOrder(
            correlationId, accountId, order.orderId, order.clientOrderId, newPrice, newQuantity);
        if (!sent(sent, outcome))
        {
            return sent != SendResult.BACK_PRESSURED;
        }
        awaitAnswer(new PendingCommand.Answered<>(correlationId, session, requestId, outcome,
            command -> ReplaceOrderResponse.newBuilder()
                .setReport(reportAfter(order, command))
                .setRejectReasonValue(command.rejectReason)
                .setEngineSequence(command.sequence)
                .build()));
        return true;
    }

    /** Cancels every open order of the account, of one instrument or, when 0, of all. */
    boolean cancelAll(
        final long accountId,
        final int instrumentId,
        final SessionCall session,
        final long requestId,
        final Outcome<CancelAllResponse> outcome,
        final long deadlineNs)
    {
        if (refused(outcome, deadlineNs))
        {
            return true;
        }
        final long correlationId = proxy.nextCorrelationId();
        final SendResult sent = proxy.massCancel(correlationId, accountId, instrumentId);
        if (!sent(sent, outcome))
        {
            return sent != SendResult.BACK_PRESSURED;
        }
        awaitAnswer(new PendingCommand.Answered<>(correlationId, session, requestId, outcome,
            command -> CancelAllResponse.newBuilder()
                .setCancelledCount(command.cancelledCount)
                .setRejectReasonValue(command.rejectReason)
                .setEngineSequence(command.sequence)
                .build()));
        return true;
    }

    /** The account's order as it stands; a pending one answers when its submit is answered. */
    void getOrder(final long accountId, final long orderId, final String clientOrderId, final Outcome<ExecutionReport> outcome)
    {
        final OrderRecord order = find(accountId, orderId, clientOrderId, outcome);
        if (order == null)
        {
            return;
        }
        if (order.isPending())
        {
            order.addWaiter(new Outcome<>()
            {
                public void succeed(final SubmitResult value)
                {
                    outcome.succeed(value.report());
                }

                public void fail(final Status status)
                {
                    outcome.fail(status);
                }
            });
            return;
        }
        outcome.succeed(reports.status(order));
    }

    /** The account's open orders by ascending order id, of one instrument or, when 0, of all. */
    List<ExecutionReport> openOrders(final long accountId, final int instrumentId)
    {
        final List<ExecutionReport> open = new ArrayList<>();
        for (final OrderRecord order : orders.openOrders(accountId, instrumentId))
        {
            open.add(reports.status(order));
        }
        return open;
    }

    /** From now on the stream receives every report of the account, after its open orders if asked. */
    void addExecutionStream(final long accountId, final OutboundStream<ExecutionReport> stream, final boolean withOpenOrders)
    {
        if (withOpenOrders)
        {
            for (final ExecutionReport order : openOrders(accountId, 0))
            {
                if (!stream.offer(order))
                {
                    return;
                }
            }
        }
        executionStreams.computeIfAbsent(accountId, id -> new ArrayList<>()).add(stream);
    }

    void removeExecutionStream(final long accountId, final OutboundStream<ExecutionReport> stream)
    {
        final List<OutboundStream<ExecutionReport>> streams = executionStreams.get(accountId);
        if (streams != null)
        {
            streams.remove(stream);
            if (streams.isEmpty())
            {
                executionStreams.remove(accountId);
            }
        }
    }

    void addSession(final SessionCall session)
    {
        sessions.add(session);
    }

    /** The session is over: with cancel-on-disconnect, every open order it placed is to be cancelled. */
    void removeSession(final SessionCall session)
    {
        sessions.remove(session);
        if (session.cancelsOnDisconnect())
        {
            for (final OrderRecord order : orders.openOrders(session.accountId(), 0))
            {
                if (order.owner == session)
                {
                    cancelsOnDisconnect.addLong(order.orderId);
                }
            }
        }
    }

    /** Heartbeats of the sessions that asked for them. */
    int onTimer(final long nowNs)
    {
        int work = 0;
        for (int i = sessions.size() - 1; i >= 0; i--)
        {
            work += sessions.get(i).onTimer(nowNs);
        }
        return work;
    }

    /** Sends what cancels on disconnect it can; those the engine cannot take now wait for the next cycle. */
    int sendCancelsOnDisconnect()
    {
        int sent = 0;
        while (connected && !cancelsOnDisconnect.isEmpty())
        {
            final long orderId = cancelsOnDisconnect.getLong(cancelsOnDisconnect.size() - 1);
            final OrderRecord order = orders.byId(orderId);
            if (order != null && order.isOpen())
            {
                final long correlationId = proxy.nextCorrelationId();
                final SendResult result = proxy.cancelOrder(correlationId, order.accountId, orderId, order.clientOrderId);
                if (result != SendResult.SENT)
                {
                    break;
                }
                awaitAnswer(new PendingCommand.Unanswered(correlationId));
                sent++;
            }
            cancelsOnDisconnect.removeAt(cancelsOnDisconnect.size() - 1);
        }
        return sent;
    }

    private <T> OrderRecord find(
        final long accountId, final long orderId, final String clientOrderId, final Outcome<T> outcome)
    {
        final OrderRecord order = orders.find(accountId, orderId, clientOrderId);
        if (order == null)
        {
            outcome.fail(Status.NOT_FOUND.withDescription(orderId != 0 ?
                "the account has no order " + orderId :
                "the account has no order with client_order_id '" + clientOrderId + "'"));
        }
        return order;
    }

    /** A command the engine's stream took: its answer is awaited in the order sent. */
    private void awaitAnswer(final PendingCommand command)
    {
        commandsSent++;
        pending.addLast(command);
    }

    /** Whether the command cannot be sent now, in which case the outcome has been told why. */
    private boolean refused(final Outcome<?> outcome, final long deadlineNs)
    {
        if (!connected)
        {
            outcome.fail(Status.UNAVAILABLE.withDescription("the engine is not connected"));
            return true;
        }
        if (deadlineNs != NO_DEADLINE && deadlineNs - clock.nanoTime() <= 0)
        {
            outcome.fail(Status.DEADLINE_EXCEEDED.withDescription("the deadline passed before the command could be sent"));
            return true;
        }
        return false;
    }

    /** True when sent; otherwise the outcome is told why, unless the engine is merely back-pressured. */
    private static boolean sent(final SendResult result, final Outcome<?> outcome)
    {
        if (result == SendResult.SENT)
        {
            return true;
        }
        if (result != SendResult.BACK_PRESSURED)
        {
            outcome.fail(Status.UNAVAILABLE.withDescription("the engine cannot be reached: " + result));
        }
        return false;
    }

    private ExecutionReport reportAfter(final OrderRecord order, final PendingCommand command)
    {
        return order.isPending() ? reports.status(order) :
            reports.report(order, command.rejectReason == 0 ? order.lastExecutionType : ExecutionType.EXECUTION_TYPE_ORDER_STATUS,
                order.lastSequence, order.lastTimestampNs);
    }

    // ---------------------------------------------------------------- engine events (agent thread)

    @Override
    public void onOrderAccepted(final OrderAcceptedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final OrderRecord order;
        if (active instanceof Submit)
        {
            order = ((Submit)active).order;
            order.stpMode = event.stpModeRaw();
        }
        else if (catalog.byId(event.instrumentId()) == null)
        {
            // An instrument announced before the gateway started: its orders cannot be reported.
            return;
        }
        else
        {
            event.getClientOrderId(clientOrderIdBytes, 0);
            order = new OrderRecord(event.accountId(), ascii(clientOrderIdBytes), event.instrumentId(),
                event.sideRaw(), event.orderTypeRaw(), event.timeInForceRaw(), event.postOnlyRaw() == 1,
                event.stpModeRaw(), event.price(), event.quantity(), event.stopPrice(), event.displayQuantity());
        }
        order.orderId = event.orderId();
        order.state = OrderState.ORDER_STATE_NEW;
        orders.indexClientOrderId(order);
        orders.accepted(order);
        updated(order, ExecutionType.EXECUTION_TYPE_NEW);
        final SessionCall owner = order.owner;
        if (owner != null && owner.hasEnded() && owner.cancelsOnDisconnect())
        {
            cancelsOnDisconnect.addLong(order.orderId);
        }
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final long price = event.price();
        final long quantity = event.quantity();
        final OrderRecord maker = orders.byId(event.makerOrderId());
        if (maker != null)
        {
            maker.fill(event.tradeId(), price, quantity, event.makerFee(), Liquidity.LIQUIDITY_MAKER,
                event.makerRemainingQuantity());
            updated(maker, ExecutionType.EXECUTION_TYPE_TRADE);
        }
        final OrderRecord taker = orders.byId(event.takerOrderId());
        if (taker != null)
        {
            taker.fill(event.tradeId(), price, quantity, event.takerFee(), Liquidity.LIQUIDITY_TAKER,
                event.takerRemainingQuantity());
            updated(taker, ExecutionType.EXECUTION_TYPE_TRADE);
        }
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final OrderRecord order = orders.byId(event.orderId());
        if (order != null)
        {
            order.state = OrderState.ORDER_STATE_CANCELLED;
            order.cancelReason = event.reasonRaw();
            order.filled = event.filledQuantity();
            order.remaining = 0;
            updated(order, ExecutionType.EXECUTION_TYPE_CANCELLED);
        }
    }

    @Override
    public void onOrderReplaced(final OrderReplacedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final OrderRecord order = orders.byId(event.orderId());
        if (order != null)
        {
            order.price = event.price();
            order.remaining = event.remainingQuantity();
            order.quantity = order.filled + order.remaining;
            order.state = OrderState.ORDER_STATE_REPLACED;
            updated(order, ExecutionType.EXECUTION_TYPE_REPLACED);
        }
    }

    @Override
    public void onOrderTriggered(final OrderTriggeredDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final OrderRecord order = orders.byId(event.orderId());
        if (order != null)
        {
            updated(order, ExecutionType.EXECUTION_TYPE_TRIGGERED);
        }
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final short reason = event.reasonRaw();
        if (active != null)
        {
            active.rejectReason = reason;
        }
        if (event.commandTemplateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            return;
        }
        final OrderRecord order = active instanceof Submit ? ((Submit)active).order : rejectedElsewhere(event);
        if (order != null)
        {
            order.state = OrderState.ORDER_STATE_REJECTED;
            order.rejectReason = reason;
            updated(order, ExecutionType.EXECUTION_TYPE_REJECTED);
        }
    }

    @Override
    public void onMassCancelCompleted(final MassCancelCompletedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        if (active != null)
        {
            active.cancelledCount = event.cancelledCount();
        }
    }

    @Override
    public void onBalanceChanged(final BalanceChangedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
    }

    @Override
    public void onBookChanged(final BookChangedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
    }

    @Override
    public void onAccountCreated(final AccountCreatedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
    }

    @Override
    public void onAssetAdded(final AssetAddedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final byte[] code = new byte[AssetAddedDecoder.codeLength()];
        event.getCode(code, 0);
        catalog.addAsset(event.assetId(), ascii(code), event.scale());
    }

    @Override
    public void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        final byte[] symbol = new byte[InstrumentAddedDecoder.symbolLength()];
        event.getSymbol(symbol, 0);
        final InstrumentCatalog.Asset base = catalog.asset(event.baseAssetId());
        final InstrumentCatalog.Asset quote = catalog.asset(event.quoteAssetId());
        if (base == null || quote == null)
        {
            return;
        }
        catalog.addInstrument(new InstrumentInfo(event.instrumentId(), ascii(symbol), base.code(), base.scale(),
            quote.code(), quote.scale(), event.priceScale(), event.tickSize(), event.lotSize(), event.minQuantity(),
            event.maxQuantity(), event.priceBandBps(), event.makerFeePpm(), event.takerFeePpm(), false));
    }

    @Override
    public void onInstrumentStatusChanged(final InstrumentStatusChangedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        catalog.setHalted(event.instrumentId(), event.status() == InstrumentStatus.HALTED);
    }

    @Override
    public void onApiKeyCreated(final ApiKeyCreatedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        event.getKeyHash(keyHash, 0, keyHash.length);
        apiKeys.add(keyHash, event.accountId());
    }

    @Override
    public void onApiKeyRevoked(final ApiKeyRevokedDecoder event)
    {
        begin(event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId());
        event.getKeyHash(keyHash, 0, keyHash.length);
        apiKeys.remove(keyHash);
    }

    /**
     * Every event starts here. The first event of a command completes the commands answered before it,
     * and, when the command is one of this gateway's, finds its pending command: those sent before it and
     * still unanswered were lost before the engine sequenced them.
     */
    private void begin(final long sequence, final long timestampNs, final int eventSourceId, final long correlationId)
    {
        if (sequence == currentSequence)
        {
            return;
        }
        completeAnswered();
        currentSequence = sequence;
        currentTimestampNs = timestampNs;
        active = null;
        // Sequence 0: a resend the service refused, outside the sequenced log; the gateway never resends.
        if (eventSourceId != sourceId || sequence == 0)
        {
            return;
        }
        while (!pending.isEmpty())
        {
            final PendingCommand head = pending.peekFirst();
            if (head.correlationId > correlationId)
            {
                return;
            }
            if (head.correlationId == correlationId)
            {
                head.answered = true;
                head.sequence = sequence;
                head.timestampNs = timestampNs;
                active = head;
                return;
            }
            pending.pollFirst().lost(Status.UNAVAILABLE.withDescription(
                "the engine never received the command (it restarted?): it was not applied, send it again"));
        }
    }

    private void completeAnswered()
    {
        while (!pending.isEmpty() && pending.peekFirst().answered)
        {
            pending.pollFirst().complete();
        }
    }

    /** The order changed: stamp it, file it if it is finished, and send its report where it is wanted. */
    private void updated(final OrderRecord order, final ExecutionType executionType)
    {
        order.stamp(executionType, currentSequence, currentTimestampNs);
        if (!order.isOpen())
        {
            orders.finished(order);
        }
        final List<OutboundStream<ExecutionReport>> streams = executionStreams.get(order.accountId);
        final SessionCall owner = order.owner != null && !order.owner.hasEnded() ? order.owner : null;
        // The session whose request caused this, if the order is of its account: a taker's request also
        // fills makers of other accounts, whose reports are none of its business.
        final SessionCall requester = active != null && active.session != null && !active.session.hasEnded() &&
            active.session.accountId() == order.accountId ? active.session : null;
        if (streams == null && owner == null && requester == null)
        {
            return;
        }
        final ExecutionReport report = reports.report(order, executionType, currentSequence, currentTimestampNs);
        if (streams != null)
        {
            for (int i = streams.size() - 1; i >= 0; i--)
            {
                streams.get(i).offer(report);
            }
        }
        if (owner != null)
        {
            owner.report(report, owner == requester ? active.requestId : 0);
        }
        if (requester != null && requester != owner)
        {
            requester.report(report, active.requestId);
        }
    }

    /**
     * A new order another gateway sent that the engine refused: remembered for its client order id, so
     * that a retry through this gateway finds the reject, unless the reject was about that very id.
     */
    private OrderRecord rejectedElsewhere(final CommandRejectedDecoder event)
    {
        final short reason = event.reasonRaw();
        if (reason == RejectReason.DUPLICATE_CLIENT_ORDER_ID.value() || reason == RejectReason.INVALID_CLIENT_ORDER_ID.value() ||
            reason == RejectReason.UNKNOWN_ACCOUNT.value() || reason == RejectReason.DUPLICATE_COMMAND.value() ||
            catalog.byId(event.instrumentId()) == null)
        {
            return null;
        }
        event.getClientOrderId(clientOrderIdBytes, 0);
        final String clientOrderId = ascii(clientOrderIdBytes);
        if (clientOrderId.isEmpty() || orders.byClientOrderId(event.accountId(), clientOrderId) != null)
        {
            return null;
        }
        final OrderRecord order = new OrderRecord(event.accountId(), clientOrderId, event.instrumentId(),
            -1, -1, -1, false, 0, 0, 0, 0, 0);
        orders.indexClientOrderId(order);
        return order;
    }

    /** A NUL-padded ASCII field as a String. */
    private static String ascii(final byte[] bytes)
    {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0)
        {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    /** A submit: its outcome goes to every call waiting on the order. */
    private final class Submit extends PendingCommand
    {
        final OrderRecord order;
        /** Until the link drops: the first waiter is the submit itself, the others are retries. */
        private boolean submitterWaits = true;

        Submit(final long correlationId, final SessionCall session, final long requestId, final OrderRecord order)
        {
            super(correlationId, session, requestId);
            this.order = order;
        }

        @Override
        void complete()
        {
            final List<Outcome<SubmitResult>> waiters = order.takeWaiters();
            if (waiters.isEmpty())
            {
                return;
            }
            final ExecutionReport report = reports.report(order, order.lastExecutionType, sequence, timestampNs);
            for (int i = 0; i < waiters.size(); i++)
            {
                waiters.get(i).succeed(new SubmitResult(report, i > 0 || !submitterWaits));
            }
        }

        @Override
        void lost(final Status status)
        {
            orders.forgetPending(order);
            abandon(status);
        }

        @Override
        void abandon(final Status status)
        {
            submitterWaits = false;
            for (final Outcome<SubmitResult> waiter : order.takeWaiters())
            {
                waiter.fail(status);
            }
        }
    }
}
