package bourse.platform.view;

import bourse.sbe.AssetAddedDecoder;
import bourse.sbe.BalanceChangedDecoder;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.OrderAcceptedDecoder;
import bourse.sbe.OrderCancelledDecoder;
import bourse.sbe.OrderReplacedDecoder;
import bourse.sbe.TradeDecoder;

/**
 * Receives decoded engine events from an {@link EngineEventAdapter}. The decoders are flyweights over
 * the engine's batch buffer: read them during the call, never keep them. Events a listener does not
 * need are ignored by default.
 */
public interface EngineEventListener
{
    default void onAssetAdded(final AssetAddedDecoder event)
    {
    }

    default void onInstrumentAdded(final InstrumentAddedDecoder event)
    {
    }

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
}
