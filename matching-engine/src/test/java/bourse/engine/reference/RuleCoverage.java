package bourse.engine.reference;

import bourse.engine.testing.EngineEvent;
import bourse.sbe.BalanceReason;
import bourse.sbe.BookAction;
import bourse.sbe.BooleanType;
import bourse.sbe.CancelReason;
import bourse.sbe.RejectReason;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules a command stream exercised, read off the events: every reject reason, cancel reason, book
 * action, balance reason and event type, plus the situations that need a particular history (an iceberg
 * refilling, a stop cascade, an amend that trades, a self-trade cancelling either side...). A generator that
 * never reaches a rule cannot find a bug in it, so the generators are held to {@link #expected()}.
 */
final class RuleCoverage
{
    private final Set<String> seen = new TreeSet<>();

    void record(final List<EngineEvent> events)
    {
        long acceptedOrderId = 0;
        int triggered = 0;
        for (int i = 0; i < events.size(); i++)
        {
            final EngineEvent event = events.get(i);
            seen.add(event.getClass().getSimpleName());
            if (event instanceof EngineEvent.CommandRejected rejected)
            {
                seen.add("reject " + rejected.reason());
            }
            else if (event instanceof EngineEvent.OrderAccepted accepted)
            {
                acceptedOrderId = accepted.orderId();
                seen.add("accept " + accepted.orderType() + " " + accepted.timeInForce());
            }
            else if (event instanceof EngineEvent.OrderCancelled cancelled)
            {
                seen.add("cancel " + cancelled.reason());
                if (cancelled.reason() == CancelReason.SELF_TRADE_PREVENTION)
                {
                    final boolean taker = cancelled.orderId() == acceptedOrderId;
                    seen.add(taker ? "stp cancels the taker" : "stp cancels the maker");
                }
            }
            else if (event instanceof EngineEvent.BookChanged change)
            {
                seen.add("book " + change.action());
                // A trade that leaves both the maker's visible part and the taker unfilled was cut by a budget.
                if (change.action() == BookAction.REDUCED && events.get(i - 1) instanceof EngineEvent.Trade trade &&
                    trade.takerRemainingQuantity() > 0)
                {
                    seen.add("market buy cut short by its budget");
                }
                // Only a refill puts an order back in the book right after a trade took it out.
                if (change.action() == BookAction.ADDED && i >= 2 &&
                    events.get(i - 2) instanceof EngineEvent.Trade &&
                    events.get(i - 1) instanceof EngineEvent.BookChanged removed &&
                    removed.orderId() == change.orderId())
                {
                    seen.add("iceberg refill");
                }
            }
            else if (event instanceof EngineEvent.BalanceChanged change)
            {
                seen.add("balance " + change.reason());
            }
            else if (event instanceof EngineEvent.OrderReplaced replaced)
            {
                seen.add("amend priorityKept=" + replaced.priorityKept());
            }
            else if (event instanceof EngineEvent.OrderTriggered)
            {
                triggered++;
            }
            else if (event instanceof EngineEvent.Trade && events.get(0) instanceof EngineEvent.OrderReplaced)
            {
                seen.add("amend trades");
            }
            else if (event instanceof EngineEvent.MassCancelCompleted completed && completed.cancelledCount() > 1)
            {
                seen.add("mass cancel of several orders");
            }
        }
        if (triggered > 1)
        {
            seen.add("stops triggered in cascade");
        }
    }

    Set<String> missing()
    {
        final Set<String> missing = new TreeSet<>(expected());
        missing.removeAll(seen);
        return missing;
    }

    private static Set<String> expected()
    {
        final Set<String> expected = new TreeSet<>(List.of(
            "stp cancels the taker", "stp cancels the maker", "iceberg refill", "stops triggered in cascade",
            "amend trades", "mass cancel of several orders", "market buy cut short by its budget",
            "accept LIMIT GTC", "accept LIMIT IOC", "accept LIMIT FOK", "accept MARKET IOC", "accept STOP IOC",
            "accept STOP_LIMIT GTC", "accept STOP_LIMIT IOC", "accept STOP_LIMIT FOK"));
        Arrays.stream(EngineEvent.class.getPermittedSubclasses()).forEach(type -> expected.add(type.getSimpleName()));
        // DUPLICATE_COMMAND is the engine service's answer to a resend; the engine itself never gives it.
        Arrays.stream(RejectReason.values())
            .filter(reason -> reason != RejectReason.NULL_VAL && reason != RejectReason.DUPLICATE_COMMAND)
            .forEach(reason -> expected.add("reject " + reason));
        Arrays.stream(CancelReason.values()).filter(reason -> reason != CancelReason.NULL_VAL)
            .forEach(reason -> expected.add("cancel " + reason));
        Arrays.stream(BookAction.values()).filter(action -> action != BookAction.NULL_VAL)
            .forEach(action -> expected.add("book " + action));
        Arrays.stream(BalanceReason.values()).filter(reason -> reason != BalanceReason.NULL_VAL)
            .forEach(reason -> expected.add("balance " + reason));
        expected.add("amend priorityKept=" + BooleanType.TRUE);
        expected.add("amend priorityKept=" + BooleanType.FALSE);
        return expected;
    }
}
