package bourse.platform.view;

import bourse.engine.EventSink;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

/**
 * Splits an engine event batch into its SBE messages and hands each, decoded by a preallocated
 * flyweight, to every listener in turn. Events no listener method exists for (account created,
 * status changes, triggers, mass-cancel ends) are skipped: a downstream view that needs them adds a
 * method to {@link EngineEventListener}.
 */
public final class EngineEventAdapter implements EventSink
{
    private final EngineEventListener[] listeners;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AssetAddedDecoder assetAdded = new AssetAddedDecoder();
    private final InstrumentAddedDecoder instrumentAdded = new InstrumentAddedDecoder();
    private final OrderAcceptedDecoder orderAccepted = new OrderAcceptedDecoder();
    private final CommandRejectedDecoder commandRejected = new CommandRejectedDecoder();
    private final OrderCancelledDecoder orderCancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder orderReplaced = new OrderReplacedDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BalanceChangedDecoder balanceChanged = new BalanceChangedDecoder();
    private final BookChangedDecoder bookChanged = new BookChangedDecoder();

    public EngineEventAdapter(final EngineEventListener... listeners)
    {
        this.listeners = listeners.clone();
    }

    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        while (position < end)
        {
            header.wrap(buffer, position);
            final int blockLength = header.blockLength();
            final int version = header.version();
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw new IllegalStateException("event with unknown schema id " + header.schemaId());
            }
            onEvent(header.templateId(), buffer, body, blockLength, version);
            position = body + blockLength;
        }
    }

    private void onEvent(
        final int templateId, final DirectBuffer buffer, final int body, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case AssetAddedDecoder.TEMPLATE_ID:
                assetAdded.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onAssetAdded(assetAdded);
                }
                break;
            case InstrumentAddedDecoder.TEMPLATE_ID:
                instrumentAdded.wrap(buffer, body, blockLength, version);
                for (final EngineEventListener listener : listeners)
                {
                    listener.onInstrumentAdded(instrumentAdded);
                }
                break;
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
            default:
                break;
        }
    }
}
