package bourse.platform.demo;

import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.TimeInForce;

import java.util.SplittableRandom;

/**
 * Keeps a ladder of resting limit orders on both sides of every instrument around the fair price.
 * Each action looks after one rung: places it when it is gone (filled or cancelled), moves it when the
 * fair price moved, trims its size (which keeps its place in the queue), or now and then cancels it.
 * Some rungs are icebergs.
 */
final class MarketMaker
{
    private static final int LEVELS = 5;
    private static final int CANCEL_PERCENT = 8;
    private static final int ICEBERG_PERCENT = 8;
    private static final int ICEBERG_MULTIPLE = 5;
    private static final int MIN_LOTS = 10;
    private static final int MAX_LOTS = 300;

    private final long accountId;
    private final int extraDistanceSteps;
    private final TraderClient engine;
    private final AccountsView accounts;
    /** Order id per rung, indexed by (instrument, side, level); 0 when it has none. */
    private final long[] rungOrderIds;
    /** Correlation id of a rung's order while its answer is on its way; 0 when none is. */
    private final long[] rungCorrelationIds;

    MarketMaker(
        final long accountId,
        final int extraDistanceSteps,
        final int instrumentCount,
        final TraderClient engine,
        final AccountsView accounts)
    {
        this.accountId = accountId;
        this.extraDistanceSteps = extraDistanceSteps;
        this.engine = engine;
        this.accounts = accounts;
        this.rungOrderIds = new long[instrumentCount * 2 * LEVELS];
        this.rungCorrelationIds = new long[rungOrderIds.length];
    }

    /**
     * Sends one command about one rung of the instrument at {@code instrumentIndex}; none while the
     * engine has not yet answered the order last placed on that rung.
     *
     * @return false when it had nothing to do on the rung it picked.
     */
    boolean act(final SplittableRandom random, final int instrumentIndex, final FairPrice fair)
    {
        final InstrumentSpec instrument = fair.instrument();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final int level = random.nextInt(LEVELS);
        final int rung = (instrumentIndex * 2 + (side == Side.BUY ? 0 : 1)) * LEVELS + level;
        final long distance = (1 + 2L * level + extraDistanceSteps) * instrument.step();
        final long targetPrice = side == Side.BUY ? fair.price() - distance : fair.price() + distance;

        if (rungCorrelationIds[rung] != 0)
        {
            final long orderId = accounts.takeOrderId(rungCorrelationIds[rung]);
            if (orderId == AccountsView.AWAITING)
            {
                return false;
            }
            rungCorrelationIds[rung] = 0;
            rungOrderIds[rung] = orderId == AccountsView.REJECTED ? 0 : orderId;
        }
        final AccountsView.OpenOrder order = accounts.openOrder(rungOrderIds[rung]);
        if (order == null)
        {
            rungOrderIds[rung] = 0;
            rungCorrelationIds[rung] = place(random, instrument, side, targetPrice);
        }
        else if (random.nextInt(100) < CANCEL_PERCENT)
        {
            if (engine.cancelOrder(accountId, order.orderId) != TraderClient.NOT_SENT)
            {
                // The rung is free from now on: acting on the order again before the answer would be refused.
                rungOrderIds[rung] = 0;
            }
        }
        else if (order.price != targetPrice)
        {
            engine.replaceOrder(accountId, order.orderId, targetPrice, quantity(random, instrument));
        }
        else
        {
            final long trimmed = order.remaining > instrument.minQuantity() ?
                order.remaining - instrument.lotSize() : quantity(random, instrument);
            engine.replaceOrder(accountId, order.orderId, targetPrice, trimmed);
        }
        return true;
    }

    /** Places the rung's order; its correlation id, whose answer will carry the order id, or 0 if not sent. */
    private long place(final SplittableRandom random, final InstrumentSpec instrument, final Side side, final long price)
    {
        final long quantity = quantity(random, instrument);
        final boolean iceberg = random.nextInt(100) < ICEBERG_PERCENT;
        final long correlationId = engine.newOrder(accountId, instrument.instrumentId(), side, OrderType.LIMIT,
            TimeInForce.GTC, price, iceberg ? quantity * ICEBERG_MULTIPLE : quantity, 0, iceberg ? quantity : 0);
        if (correlationId != TraderClient.NOT_SENT)
        {
            accounts.expectOrderId(correlationId);
        }
        return correlationId;
    }

    private static long quantity(final SplittableRandom random, final InstrumentSpec instrument)
    {
        return random.nextInt(MIN_LOTS, MAX_LOTS + 1) * instrument.lotSize();
    }
}
