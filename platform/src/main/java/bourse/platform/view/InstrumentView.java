package bourse.platform.view;

import bourse.sbe.BookAction;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.InstrumentAddedDecoder;
import bourse.sbe.Side;
import bourse.sbe.TradeDecoder;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * One instrument as a downstream consumer sees it, rebuilt only from engine events: the order-level
 * (L3) book of visible quantities in queue order, the aggregated (L2) ladders derived from it, the top
 * of book (L1), and trade statistics.
 */
public final class InstrumentView
{
    private final int instrumentId;
    private final String symbol;
    private final int baseAssetId;
    private final int priceScale;
    private final long referencePrice;
    private final PriceLadder bids = new PriceLadder(true);
    private final PriceLadder asks = new PriceLadder(false);
    private final Long2ObjectHashMap<RestingOrder> orders = new Long2ObjectHashMap<>();

    private long tradeCount;
    private long tradedQuantity;
    private long lastPrice;

    InstrumentView(final InstrumentAddedDecoder event)
    {
        instrumentId = event.instrumentId();
        symbol = event.symbol();
        baseAssetId = event.baseAssetId();
        priceScale = event.priceScale();
        referencePrice = event.referencePrice();
    }

    void onBookChanged(final BookChangedDecoder event)
    {
        final long orderId = event.orderId();
        final BookAction action = event.action();
        if (action == BookAction.ADDED)
        {
            final RestingOrder order = new RestingOrder(orderId, event.side(), event.price(), event.visibleQuantity());
            orders.put(orderId, order);
            ladder(order.side()).addOrder(order);
            return;
        }
        final RestingOrder order = orders.get(orderId);
        if (order == null)
        {
            throw new IllegalStateException(symbol + ": " + action + " for order " + orderId + " that is not in the book");
        }
        if (action == BookAction.REDUCED)
        {
            ladder(order.side()).changeVisibleQuantity(order, event.visibleQuantity());
        }
        else
        {
            ladder(order.side()).removeOrder(order);
            orders.remove(orderId);
        }
    }

    void onTrade(final TradeDecoder event)
    {
        tradeCount++;
        tradedQuantity += event.quantity();
        lastPrice = event.price();
    }

    private PriceLadder ladder(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    public String symbol()
    {
        return symbol;
    }

    public int baseAssetId()
    {
        return baseAssetId;
    }

    /** Prices are in units of 10^-priceScale quote per whole base unit. */
    public int priceScale()
    {
        return priceScale;
    }

    public PriceLadder bids()
    {
        return bids;
    }

    public PriceLadder asks()
    {
        return asks;
    }

    /** Orders resting in the book (their visible parts). */
    public int restingOrderCount()
    {
        return orders.size();
    }

    public long tradeCount()
    {
        return tradeCount;
    }

    /** Sum of traded quantities, in base minor units. */
    public long tradedQuantity()
    {
        return tradedQuantity;
    }

    public boolean hasTraded()
    {
        return tradeCount > 0;
    }

    /** Price of the last trade; only meaningful when {@link #hasTraded()}. */
    public long lastPrice()
    {
        return lastPrice;
    }

    /** The last trade price, or the reference price before the first trade: where the band is centred. */
    public long lastOrReferencePrice()
    {
        return tradeCount > 0 ? lastPrice : referencePrice;
    }

    /** A price of this instrument as a decimal string, e.g. {@code 64,012.50}. */
    public String formatPrice(final long price)
    {
        return Decimals.format(price, priceScale);
    }
}
