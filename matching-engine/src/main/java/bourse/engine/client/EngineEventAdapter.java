package bourse.engine.client;

import bourse.engine.EventSink;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.ApiKeyCreatedDecoder;
import bourse.sbe.ApiKeyRevokedDecoder;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.InstrumentStatusChangedDecoder;
import bourse.sbe.MassCancelCompletedDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.OrderTriggeredDecoder;
import bourse.sbe.TradeDecoder;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;

/**
 * Decodes the engine's events into {@link EngineEventListener} calls. A message on the event stream
 * holds one or more whole SBE events laid end to end (the events of a command, split only when a batch
 * is larger than a message may be); each is decoded by a preallocated flyweight chosen by its template
 * id, so nothing is allocated per event.
 *
 * <p>Messages larger than the MTU arrive in fragments: poll the event subscription through a
 * {@link io.aeron.FragmentAssembler} wrapping this adapter. The adapter is also an {@link EventSink}, so
 * the same listener can consume an engine in the same process.
 *
 * <p>Event types this version does not know (newer template ids of the schema) are skipped; a message
 * that is not of the Bourse schema or whose last event is cut short is not decoded past that point.
 */
public final class EngineEventAdapter implements FragmentHandler, EventSink
{
    private final EngineEventListener[] listeners;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder orderAccepted = new OrderAcceptedDecoder();
    private final CommandRejectedDecoder commandRejected = new CommandRejectedDecoder();
    private final OrderCancelledDecoder orderCancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder orderReplaced = new OrderReplacedDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BalanceChangedDecoder balanceChanged = new BalanceChangedDecoder();
    private final BookChangedDecoder bookChanged = new BookChangedDecoder();
    private final InstrumentStatusChangedDecoder instrumentStatusChanged = new InstrumentStatusChangedDecoder();
    private final OrderTriggeredDecoder orderTriggered = new OrderTriggeredDecoder();
    private final AccountCreatedDecoder accountCreated = new AccountCreatedDecoder();
    private final InstrumentAddedDecoder instrumentAdded = new InstrumentAddedDecoder();
    private final AssetAddedDecoder assetAdded = new AssetAddedDecoder();
    private final MassCancelCompletedDecoder massCancelCompleted = new MassCancelCompletedDecoder();
    private final ApiKeyCreatedDecoder apiKeyCreated = new ApiKeyCreatedDecoder();
    private final ApiKeyRevokedDecoder apiKeyRevoked = new ApiKeyRevokedDecoder();

    /** Every event goes to each listener in turn, in the order given. */
    public EngineEventAdapter(final EngineEventListener... listeners)
    {
        this.listeners = listeners.clone();
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        onEvents(buffer, offset, length);
    }

    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        while (end - position >= MessageHeaderDecoder.ENCODED_LENGTH)
        {
            header.wrap(buffer, position);
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            final int blockLength = header.blockLength();
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || end - body < blockLength)
            {
                return;
            }
            onEvent(header.templateId(), buffer, body, blockLength, header.version());
            position = body + blockLength;
        }
    }

    private void onEvent(
        final int templateId, final DirectBuffer buffer, final int body, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case OrderAcceptedDecoder.TEMPLATE_ID:
                orderAccepted.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onOrderAccepted(orderAccepted);
                }
                break;
            case CommandRejectedDecoder.TEMPLATE_ID:
                commandRejected.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onCommandRejected(commandRejected);
                }
                break;
            case OrderCancelledDecoder.TEMPLATE_ID:
                orderCancelled.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onOrderCancelled(orderCancelled);
                }
                break;
            case OrderReplacedDecoder.TEMPLATE_ID:
                orderReplaced.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onOrderReplaced(orderReplaced);
                }
                break;
            case TradeDecoder.TEMPLATE_ID:
                trade.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onTrade(trade);
                }
                break;
            case BalanceChangedDecoder.TEMPLATE_ID:
                balanceChanged.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onBalanceChanged(balanceChanged);
                }
                break;
            case BookChangedDecoder.TEMPLATE_ID:
                bookChanged.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onBookChanged(bookChanged);
                }
                break;
            case InstrumentStatusChangedDecoder.TEMPLATE_ID:
                instrumentStatusChanged.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onInstrumentStatusChanged(instrumentStatusChanged);
                }
                break;
            case OrderTriggeredDecoder.TEMPLATE_ID:
                orderTriggered.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onOrderTriggered(orderTriggered);
                }
                break;
            case AccountCreatedDecoder.TEMPLATE_ID:
                accountCreated.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onAccountCreated(accountCreated);
                }
                break;
            case InstrumentAddedDecoder.TEMPLATE_ID:
                instrumentAdded.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onInstrumentAdded(instrumentAdded);
                }
                break;
            case AssetAddedDecoder.TEMPLATE_ID:
                assetAdded.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onAssetAdded(assetAdded);
                }
                break;
            case MassCancelCompletedDecoder.TEMPLATE_ID:
                massCancelCompleted.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onMassCancelCompleted(massCancelCompleted);
                }
                break;
            case ApiKeyCreatedDecoder.TEMPLATE_ID:
                apiKeyCreated.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onApiKeyCreated(apiKeyCreated);
                }
                break;
            case ApiKeyRevokedDecoder.TEMPLATE_ID:
                apiKeyRevoked.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onApiKeyRevoked(apiKeyRevoked);
                }
                break;
            default:
                break;
        }
    }
}
