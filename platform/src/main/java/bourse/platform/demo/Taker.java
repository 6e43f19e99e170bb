package bourse.platform.demo;

import bourse.platform.view.InstrumentView;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.TimeInForce;

import java.util.SplittableRandom;

/**
 * Takes liquidity: immediate-or-cancel limit orders a few steps through the fair price, market orders,
 * the odd fill-or-kill; and keeps a handful of stop and stop-limit orders around the last trade price,
 * cancelling the oldest when it has enough.
 */
final class Taker
{
    private static final int MAX_OPEN_STOPS = 16;
    private static final int MAX_IOC_LOTS = 150;
    private static final int MAX_MARKET_LOTS = 60;
    private static final int MAX_FOK_LOTS = 40;
    private static final int MAX_STOP_LOTS = 50;
    private static final int MAX_THROUGH_STEPS = 4;
    private static final int MAX_STOP_DISTANCE_STEPS = 10;
    private static final int FOK_THROUGH_STEPS = 2;
    private static final int STOP_LIMIT_SLACK_STEPS = 2;

    private final long accountId;
    private final TraderClient engine;
    private final AccountsView accounts;
    /** Stops placed and maybe still open, oldest first. */
    private final long[] stopOrderIds = new long[MAX_OPEN_STOPS];
    private int stopCount;
    /** Correlation ids of stops sent whose answer has not arrived yet. */
    private final long[] awaitedStops = new long[MAX_OPEN_STOPS];
    private int awaitedCount;

    Taker(final long accountId, final TraderClient engine, final AccountsView accounts)
    {
        this.accountId = accountId;
        this.engine = engine;
        this.accounts = accounts;
    }

    /** Sends one command on the instrument whose fair price and public view are given. */
    void act(final SplittableRandom random, final FairPrice fair, final InstrumentView market)
    {
        final InstrumentSpec instrument = fair.instrument();
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final int action = random.nextInt(100);
        learnStopOrderIds();
        forgetClosedStops();
        if (action < 60)
        {
            final long through = random.nextInt(MAX_THROUGH_STEPS + 1) * instrument.step();
            final long price = side == Side.BUY ? fair.price() + through : fair.price() - through;
            send(instrument, side, OrderType.LIMIT, TimeInForce.IOC, price, lots(random, instrument, MAX_IOC_LOTS), 0);
        }
        else if (action < 85)
        {
            send(instrument, side, OrderType.MARKET, TimeInForce.IOC, 0, lots(random, instrument, MAX_MARKET_LOTS), 0);
        }
        else if (action < 88)
        {
            final long through = FOK_THROUGH_STEPS * instrument.step();
            final long price = side == Side.BUY ? fair.price() + through : fair.price() - through;
            send(instrument, side, OrderType.LIMIT, TimeInForce.FOK, price, lots(random, instrument, MAX_FOK_LOTS), 0);
        }
        else if (action < 96 && stopCount + awaitedCount < MAX_OPEN_STOPS)
        {
            placeStop(random, instrument, side, market.lastOrReferencePrice());
        }
        else if (stopCount > 0)
        {
            if (engine.cancelOrder(accountId, stopOrderIds[0]) != TraderClient.NOT_SENT)
            {
                // Forgotten now, not when the answer comes: it must not be cancelled twice.
                stopCount--;
                System.arraycopy(stopOrderIds, 1, stopOrderIds, 0, stopCount);
            }
        }
        else
        {
            send(instrument, side, OrderType.MARKET, TimeInForce.IOC, 0, lots(random, instrument, MAX_MARKET_LOTS), 0);
        }
    }

    /** A buy stop above the last trade or a sell stop below it: never one that would trigger at once. */
    private void placeStop(final SplittableRandom random, final InstrumentSpec instrument, final Side side, final long last)
    {
        final long distance = random.nextInt(1, MAX_STOP_DISTANCE_STEPS + 1) * instrument.step();
        final long stopPrice = side == Side.BUY ? last + distance : last - distance;
        final long quantity = lots(random, instrument, MAX_STOP_LOTS);
        final long correlationId;
        if (random.nextBoolean())
        {
            correlationId = send(instrument, side, OrderType.STOP, TimeInForce.IOC, 0, quantity, stopPrice);
        }
        else
        {
            final long slack = STOP_LIMIT_SLACK_STEPS * instrument.step();
            final long limitPrice = side == Side.BUY ? stopPrice + slack : stopPrice - slack;
            correlationId = send(instrument, side, OrderType.STOP_LIMIT, TimeInForce.GTC, limitPrice, quantity, stopPrice);
        }
        if (correlationId != TraderClient.NOT_SENT)
        {
            accounts.expectOrderId(correlationId);
            awaitedStops[awaitedCount++] = correlationId;
        }
    }

    /** Moves the stops the engine has answered from the awaited to the open list (or drops them if rejected). */
    private void learnStopOrderIds()
    {
        int stillAwaited = 0;
        for (int i = 0; i < awaitedCount; i++)
        {
            final long orderId = accounts.takeOrderId(awaitedStops[i]);
            if (orderId == AccountsView.AWAITING)
            {
                awaitedStops[stillAwaited++] = awaitedStops[i];
            }
            else if (orderId != AccountsView.REJECTED)
            {
                stopOrderIds[stopCount++] = orderId;
            }
        }
        awaitedCount = stillAwaited;
    }

    private long send(
        final InstrumentSpec instrument,
        final Side side,
        final OrderType orderType,
        final TimeInForce timeInForce,
        final long price,
        final long quantity,
        final long stopPrice)
    {
        return engine.newOrder(accountId, instrument.instrumentId(), side, orderType, timeInForce, price, quantity, stopPrice, 0);
    }

    private void forgetClosedStops()
    {
        int kept = 0;
        for (int i = 0; i < stopCount; i++)
        {
            if (accounts.openOrder(stopOrderIds[i]) != null)
            {
                stopOrderIds[kept++] = stopOrderIds[i];
            }
        }
        stopCount = kept;
    }

    private static long lots(final SplittableRandom random, final InstrumentSpec instrument, final int maxLots)
    {
        return random.nextInt(1, maxLots + 1) * instrument.lotSize();
    }
}
