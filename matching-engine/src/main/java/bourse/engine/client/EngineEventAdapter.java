package bourse.engine.client;

import bourse.engine.EventSink;
import bourse.sbe.AccountCreatedDecoder;
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
    private final EngineEventListener listener;
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

    public EngineEventAdapter(final EngineEventListener listener)
    {
        this.listener = listener;
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
                listener.onOrderAccepted(orderAccepted.wrap(buffer, body, blockLength, version));
                break;
            case CommandRejectedDecoder.TEMPLATE_ID:
                listener.onCommandRejected(commandRejected.wrap(buffer, body, blockLength, version));
                break;
            case OrderCancelledDecoder.TEMPLATE_ID:
                listener.onOrderCancelled(orderCancelled.wrap(buffer, body, blockLength, version));
                break;
            case OrderReplacedDecoder.TEMPLATE_ID:
                listener.onOrderReplaced(orderReplaced.wrap(buffer, body, blockLength, version));
                break;
            case TradeDecoder.TEMPLATE_ID:
                listener.onTrade(trade.wrap(buffer, body, blockLength, version));
                break;
            case BalanceChangedDecoder.TEMPLATE_ID:
                listener.onBalanceChanged(balanceChanged.wrap(buffer, body, blockLength, version));
                break;
            case BookChangedDecoder.TEMPLATE_ID:
                listener.onBookChanged(bookChanged.wrap(buffer, body, blockLength, version));
                break;
            case InstrumentStatusChangedDecoder.TEMPLATE_ID:
                listener.onInstrumentStatusChanged(instrumentStatusChanged.wrap(buffer, body, blockLength, version));
                break;
            case OrderTriggeredDecoder.TEMPLATE_ID:
                listener.onOrderTriggered(orderTriggered.wrap(buffer, body, blockLength, version));
                break;
            case AccountCreatedDecoder.TEMPLATE_ID:
                listener.onAccountCreated(accountCreated.wrap(buffer, body, blockLength, version));
                break;
            case InstrumentAddedDecoder.TEMPLATE_ID:
                listener.onInstrumentAdded(instrumentAdded.wrap(buffer, body, blockLength, version));
                break;
            case AssetAddedDecoder.TEMPLATE_ID:
                listener.onAssetAdded(assetAdded.wrap(buffer, body, blockLength, version));
                break;
            case MassCancelCompletedDecoder.TEMPLATE_ID:
                listener.onMassCancelCompleted(massCancelCompleted.wrap(buffer, body, blockLength, version));
                break;
            default:
                break;
        }
    }
}
