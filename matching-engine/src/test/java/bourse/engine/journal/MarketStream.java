package bourse.engine.journal;

import bourse.engine.MatchingEngine;
import bourse.engine.testing.Commands;
import bourse.engine.testing.RecordingEngine;
import bourse.engine.testing.TestVenue;
import bourse.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of sequenced commands (sequences 1, 2, 3, ...) for a busy BTC-USD market: limit
 * orders and icebergs resting at many levels, IOC takers, amends and cancels by client order id.
 */
final class MarketStream
{
    private static final int ACCOUNTS = 6;

    private MarketStream()
    {
    }

    static List<byte[]> generate(final long seed, final int length)
    {
        final RecordingEngine recorder = new RecordingEngine();
        final List<byte[]> commands = recorder.commands();
        final TestVenue venue = TestVenue.over(recorder).withBtcUsd();
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            venue.withAccount(account).withDeposit(account, TestVenue.USD, 5_000_000_000L)
                .withDeposit(account, TestVenue.BTC, 100_000 * TestVenue.BTC_USD_LOT);
        }
        final SplittableRandom random = new SplittableRandom(seed);
        while (commands.size() < length)
        {
            final long account = 1 + random.nextInt(ACCOUNTS);
            final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long price = TestVenue.BTC_USD_REFERENCE_PRICE + TestVenue.BTC_USD_TICK * random.nextInt(-40, 41);
            final String clientOrderId = "c" + account + "-" + random.nextInt(30);
            final long quantity = TestVenue.BTC_USD_LOT * (1 + random.nextInt(20));
            final int dice = random.nextInt(100);
            if (dice < 45)
            {
                venue.submit(Commands.newOrder().account(account).instrument(TestVenue.BTC_USD).side(side).limit(price)
                    .quantity(quantity).gtc().clientOrderId(clientOrderId));
            }
            else if (dice < 50)
            {
                venue.submit(Commands.newOrder().account(account).instrument(TestVenue.BTC_USD).side(side).limit(price)
                    .quantity(quantity * 3).display(TestVenue.BTC_USD_LOT).gtc().clientOrderId(clientOrderId));
            }
            else if (dice < 62)
            {
                venue.submit(Commands.newOrder().account(account).instrument(TestVenue.BTC_USD).side(side).limit(price)
                    .quantity(quantity).ioc());
            }
            else if (dice < 82)
            {
                venue.submit(Commands.replaceOrder().account(account).clientOrderId(clientOrderId).price(price).quantity(quantity));
            }
            else
            {
                venue.submit(Commands.cancelOrder().account(account).clientOrderId(clientOrderId));
            }
        }
        return commands.subList(0, length);
    }

    static MatchingEngine newEngine()
    {
        return new MatchingEngine(engineContext());
    }

    static MatchingEngine.Context engineContext()
    {
        return new MatchingEngine.Context().eventSink((buffer, offset, length) -> { });
    }

    static void apply(final MatchingEngine engine, final List<byte[]> commands)
    {
        for (final byte[] command : commands)
        {
            engine.onCommand(new UnsafeBuffer(command), 0, command.length);
        }
    }

    /** Appends every command, committing a batch after every {@code batchSize}. */
    static void journal(final InputJournal journal, final List<byte[]> commands, final int batchSize)
    {
        int inBatch = 0;
        for (final byte[] command : commands)
        {
            journal.append(new UnsafeBuffer(command), 0, command.length);
            if (++inBatch == batchSize)
            {
                journal.commitBatch();
                inBatch = 0;
            }
        }
        journal.commitBatch();
    }
}
