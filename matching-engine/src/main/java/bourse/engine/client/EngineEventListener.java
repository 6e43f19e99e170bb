package bourse.engine.client;

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
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.OrderTriggeredDecoder;
import bourse.sbe.TradeDecoder;

/**
 * Receives the engine's events, one method per event type, from an {@link EngineEventAdapter}. Each
 * event arrives as a typed SBE flyweight over the received buffer: read its fields during the call and
 * never keep it, so nothing is allocated per event. Events a listener does not need are ignored by
 * default.
 */
public interface EngineEventListener
{
    default void onOrderAccepted(final OrderAcceptedDecoder event)
    {
    }

    default void onCommandRejected(final CommandRejectedDecoder event)
    {
    }

    default void onOrderCancelled(final OrderCancelledDecoder event)
    {
    }

    default void onOrderReplaced(final OrderReplacedDecoder event)
    {
    }

    default void onTrade(final TradeDecoder event)
    {
    }

    default void onBalanceChanged(final BalanceChangedDecoder event)
    {
    }

    default void onBookChanged(final BookChangedDecoder event)
    {
    }

    default void onInstrumentStatusChanged(final InstrumentStatusChangedDecoder event)
    {
    }

    default void onOrderTriggered(final OrderTriggeredDecoder event)
    {
    }

    default void onAccountCreated(final AccountCreatedDecoder event)
    {
    }

    default void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
    }

    default void onAssetAdded(final AssetAddedDecoder event)
    {
    }

    default void onMassCancelCompleted(final MassCancelCompletedDecoder event)
    {
    }

    default void onApiKeyCreated(final ApiKeyCreatedDecoder event)
    {
    }

    default void onApiKeyRevoked(final ApiKeyRevokedDecoder event)
    {
    }
}
