package bourse.engine;

import bourse.engine.testing.Commands;
import bourse.engine.testing.EngineEvent;
import bourse.engine.testing.TestVenue;
import bourse.sbe.RejectReason;
import bourse.sbe.Side;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The little market the rulebook tests trade in: BTC-USD priced in cents per BTC (tick 1 USD, lot
 * 0.01 BTC, band 10%, maker fee 0.1%, taker fee 0.2%, reference 30 000 USD), three funded accounts.
 * With these numbers one tick × one lot is one cent, so notionals are easy to check by hand.
 */
final class Market
{
    static final long ALICE = 1;
    static final long BOB = 2;
    static final long CAROL = 3;
    static final int BTC = TestVenue.BTC;
    static final int USD = TestVenue.USD;
    static final int BTC_USD = TestVenue.BTC_USD;
    static final long USD_DEPOSIT = usd(1_000_000);
    static final long BTC_DEPOSIT = lots(10_000);

    final TestVenue venue;

    Market()
    {
        this(1_000);
    }

    Market(final int maxOpenOrdersPerAccount)
    {
        venue = TestVenue.matchingEngine(maxOpenOrdersPerAccount).withBtcUsd();
        for (final long account : new long[]{ALICE, BOB, CAROL})
        {
            venue.withAccount(account).withDeposit(account, USD, USD_DEPOSIT).withDeposit(account, BTC, BTC_DEPOSIT);
        }
    }

    /** A price or an amount of whole dollars, in cents. */
    static long usd(final long dollars)
    {
        return dollars * 100;
    }

    /** A quantity of lots (0.01 BTC each), in satoshi. */
    static long lots(final long count)
    {
        return count * TestVenue.BTC_USD_LOT;
    }

    List<EngineEvent> submit(final Commands.Builder<?> command)
    {
        return venue.submit(command);
    }

    static Commands.NewOrder order(final long account, final Side side)
    {
        return Commands.newOrder().account(account).instrument(BTC_USD).side(side);
    }

    /** Places a GTC limit order that must be accepted; returns its order id. */
    long rest(final long account, final Side side, final long priceDollars, final long lotCount)
    {
        return acceptedId(submit(order(account, side).limit(usd(priceDollars)).quantity(lots(lotCount)).gtc()));
    }

    static long acceptedId(final List<EngineEvent> events)
    {
        final List<EngineEvent.OrderAccepted> accepted = only(events, EngineEvent.OrderAccepted.class);
        assertThat(accepted).as("accepted in %s", events).hasSize(1);
        return accepted.get(0).orderId();
    }

    static RejectReason rejectReason(final List<EngineEvent> events)
    {
        assertThat(events).as("a single reject").hasSize(1).first().isInstanceOf(EngineEvent.CommandRejected.class);
        return ((EngineEvent.CommandRejected)events.get(0)).reason();
    }

    static <T extends EngineEvent> List<T> only(final List<EngineEvent> events, final Class<T> type)
    {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The event types in order, e.g. [OrderAccepted, Trade, BookChanged, ...]. */
    static List<String> kinds(final List<EngineEvent> events)
    {
        return events.stream().map(event -> event.getClass().getSimpleName()).toList();
    }

    /** The dump line of an account's balance of one asset, e.g. "total=100 held=5". */
    String balance(final long account, final int asset)
    {
        final String[] lines = venue.dumpState().split("\n");
        boolean inAccount = false;
        for (final String line : lines)
        {
            if (line.startsWith("account "))
            {
                inAccount = line.startsWith("account " + account + " ");
            }
            else if (inAccount && line.startsWith("  balance " + asset + " "))
            {
                return line.substring(("  balance " + asset + " ").length());
            }
        }
        return "total=0 held=0";
    }

    /** The dump lines of the book (bids, asks and stops) of BTC-USD, without the leading spaces. */
    List<String> book()
    {
        return venue.dumpState().lines()
            .filter(line -> line.startsWith("  bid ") || line.startsWith("  ask ") || line.startsWith("  stop "))
            .map(String::strip)
            .toList();
    }
}
