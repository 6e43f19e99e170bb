package bourse.engine.service;

import bourse.engine.client.EngineEventListener;
import bourse.sbe.AccountCreatedDecoder;
import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.TradeDecoder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every event it hears as a {@link RecordedEvent}; used from the thread that polls. */
final class RecordingListener implements EngineEventListener
{
    final List<RecordedEvent> events = new ArrayList<>();

    long count(final Predicate<RecordedEvent> filter)
    {
        return events.stream().filter(filter).count();
    }

    boolean has(final Predicate<RecordedEvent> filter)
    {
        return events.stream().anyMatch(filter);
    }

    RecordedEvent last(final String type)
    {
        RecordedEvent last = null;
        for (final RecordedEvent event : events)
        {
            if (event.type().equals(type))
            {
                last = event;
            }
        }
        return last;
    }

    @Override
    public void onAssetAdded(final AssetAddedDecoder event)
    {
        add("AssetAdded", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "asset=" + event.assetId());
    }

    @Override
    public void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
        add("InstrumentAdded", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "instrument=" + event.instrumentId());
    }

    @Override
    public void onAccountCreated(final AccountCreatedDecoder event)
    {
        add("AccountCreated", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "account=" + event.accountId());
    }

    @Override
    public void onOrderAccepted(final OrderAcceptedDecoder event)
    {
        add("OrderAccepted", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "order=" + event.orderId() + " account=" + event.accountId() + " side=" + event.side() +
            " price=" + event.price() + " quantity=" + event.quantity());
    }

    @Override
    public void onCommandRejected(final CommandRejectedDecoder event)
    {
        add("CommandRejected", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            event.reason() + " template=" + event.commandTemplateId());
    }

    @Override
    public void onOrderCancelled(final OrderCancelledDecoder event)
    {
        add("OrderCancelled", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "order=" + event.orderId() + " reason=" + event.reason());
    }

    @Override
    public void onTrade(final TradeDecoder event)
    {
        add("Trade", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "price=" + event.price() + " quantity=" + event.quantity() + " maker=" + event.makerOrderId() +
            " taker=" + event.takerOrderId());
    }

    @Override
    public void onBalanceChanged(final BalanceChangedDecoder event)
    {
        add("BalanceChanged", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "account=" + event.accountId() + " asset=" + event.assetId() + " total=" + event.total() +
            " held=" + event.held());
    }

    @Override
    public void onBookChanged(final BookChangedDecoder event)
    {
        add("BookChanged", event.sequence(), event.timestampNs(), event.sourceId(), event.correlationId(),
            "order=" + event.orderId() + " " + event.action() + " visible=" + event.visibleQuantity());
    }

    private void add(
        final String type,
        final long sequence,
        final long timestampNs,
        final int sourceId,
        final long correlationId,
        final String detail)
    {
        events.add(new RecordedEvent(type, sequence, timestampNs, sourceId, correlationId, detail));
    }
}
