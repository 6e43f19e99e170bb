package bourse.marketdata.client;

import bourse.engine.MatchingEngine;
import bourse.engine.testing.Command;
import bourse.engine.testing.Commands;
import bourse.marketdata.feed.MarketState;
import bourse.marketdata.feed.Outbox;
import bourse.marketdata.testing.FeedHarness;
import bourse.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static bourse.marketdata.testing.FeedHarness.BTC;
import static bourse.marketdata.testing.FeedHarness.BTC_USD;
import static bourse.marketdata.testing.FeedHarness.BTC_USD_LOT;
import static bourse.marketdata.testing.FeedHarness.USD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feed and client allocate nothing per event once warm: a busy market's commands (limits, amends,
 * IOCs, market orders, icebergs, cancels) go through a real engine into the feed's market, every
 * incremental it encodes into a client, with checksums, snapshots and the 24-hour window's roll along
 * the way and a listener that reads what it hears. The same commands, stamped a day and a half later
 * each pass, run again and again: some pass must allocate nothing at all on this thread.
 */
class SteadyStateAllocationTest
{
    private static final int ROUNDS = 5_000;
    private static final int MEASURED_PASSES = 5;
    private static final long STEP_NS = 1_000_000_000L;
    private static final int TIMESTAMP_OFFSET = 8 + 8;

    private final UnsafeBuffer snapshot = new UnsafeBuffer(ByteBuffer.allocateDirect(256 * 1024));
    private long heardLevels;

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<Throwable> errors = new ArrayList<>();
        final MarketState market = new MarketState(new Outbox(), 64 * 1024, 10, errors::add);
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink(market));
        final LocalMarket client = new LocalMarket(new MarketDataListener()
        {
            @Override
            public void onBook(final InstrumentBook book)
            {
                heardLevels += book.bids().size() + book.asks().size();
            }
        }, errors::add, 1024 * 1024);
        for (final Commands.Builder<?> builder : setUp())
        {
            final Command command = builder.timestampNs(FeedHarness.START_NS).build();
            engine.onCommand(command.buffer(), command.offset(), command.length());
        }
        final List<Command> commands = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++)
        {
            round(round).forEach(builder -> commands.add(builder.build()));
        }

        applyAll(engine, market, client, commands, 0);
        applyAll(engine, market, client, commands, 1);
        long allocated = Long.MAX_VALUE;
        for (int pass = 2; pass < 2 + MEASURED_PASSES && allocated != 0; pass++)
        {
            final long threadId = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(threadId);
            applyAll(engine, market, client, commands, pass);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(threadId) - before);
        }

        assertThat(errors).isEmpty();
        assertThat(client.book(BTC_USD).isSynced()).isTrue();
        assertThat(client.book(BTC_USD).ticker().window().tradeCount()).isPositive();
        assertThat(client.instrumentGaps()).isZero();
        assertThat(heardLevels).isPositive();
        assertThat(allocated).as("bytes allocated by %d commands through feed and client", commands.size()).isZero();
    }

    private void applyAll(
        final MatchingEngine engine,
        final MarketState market,
        final LocalMarket client,
        final List<Command> commands,
        final int pass)
    {
        final int count = commands.size();
        final long passStartNs = FeedHarness.START_NS + (pass + 1) * (long)count * STEP_NS;
        for (int i = 0; i < count; i++)
        {
            final Command command = commands.get(i);
            final long timestampNs = passStartNs + i * STEP_NS;
            command.buffer().putLong(command.offset() + TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
            engine.onCommand(command.buffer(), command.offset(), command.length());
            if (i % 64 == 0)
            {
                market.publishChecksums();
                market.rollStatistics(timestampNs);
                client.onSnapshot(snapshot, 0, market.encodeSnapshot(0, snapshot, 0, i, 100), 1);
            }
            final Outbox outbox = market.outbox();
            while (!outbox.isEmpty())
            {
                client.onIncremental(outbox.buffer(), outbox.headOffset(), outbox.headLength(), 1);
                outbox.removeHead();
            }
            client.dispatch();
        }
    }

    private static List<Commands.Builder<?>> setUp()
    {
        final List<Commands.Builder<?>> commands = new ArrayList<>();
        commands.add(Commands.addAsset().asset(BTC).code("BTC").scale(8));
        commands.add(Commands.addAsset().asset(USD).code("USD").scale(2));
        commands.add(Commands.addInstrument().instrument(BTC_USD).symbol("BTC-USD").base(BTC).quote(USD)
            .priceScale(2).tickSize(FeedHarness.BTC_USD_TICK).lotSize(BTC_USD_LOT).minQuantity(BTC_USD_LOT)
            .maxQuantity(1_000 * BTC_USD_LOT).bandBps(1_000).makerFeePpm(1_000).takerFeePpm(2_000)
            .referencePrice(FeedHarness.BTC_USD_REFERENCE));
        for (long account = 1; account <= 6; account++)
        {
            commands.add(Commands.createAccount().account(account));
            commands.add(Commands.deposit().account(account).asset(BTC).amount(1_000_000_000_000_000L));
            commands.add(Commands.deposit().account(account).asset(USD).amount(1_000_000_000_000_000L));
        }
        return commands;
    }

    /**
     * Ten commands of a busy market: quotes either side that the next rounds amend and cancel by client
     * order id (a cycle of 64 ids keeps the book the same size), takers that trade, an iceberg.
     */
    private static List<Commands.Builder<?>> round(final int round)
    {
        final String bid = "bid" + round % 64;
        final String ask = "ask" + round % 64;
        final String staleBid = "bid" + (round + 32) % 64;
        final String staleAsk = "ask" + (round + 32) % 64;
        final String iceberg = "ice" + round % 64;
        final long maker = 1 + round % 2;
        final long otherMaker = 3 + round % 2;
        return List.of(
            order(maker, Side.BUY).limit(cents(29_900 - round % 10)).quantity(lots(2)).gtc().clientOrderId(bid),
            order(otherMaker, Side.SELL).limit(cents(30_100 + round % 10)).quantity(lots(2)).gtc().clientOrderId(ask),
            Commands.replaceOrder().account(maker).clientOrderId(bid).price(cents(29_950 - round % 7)).quantity(lots(3)),
            order(5, Side.BUY).limit(cents(30_105)).quantity(lots(1)).ioc(),
            order(6, Side.SELL).market().quantity(lots(1)),
            order(5, Side.SELL).limit(cents(30_200)).quantity(lots(6)).display(lots(2)).gtc().clientOrderId(iceberg),
            Commands.cancelOrder().account(maker).clientOrderId(staleBid),
            Commands.cancelOrder().account(otherMaker).clientOrderId(staleAsk),
            Commands.cancelOrder().account(5).clientOrderId("ice" + (round + 32) % 64),
            order(6, Side.BUY).limit(cents(30_200)).quantity(lots(1)).ioc());
    }

    private static Commands.NewOrder order(final long account, final Side side)
    {
        return Commands.newOrder().account(account).instrument(BTC_USD).side(side);
    }

    private static long cents(final long dollars)
    {
        return dollars * 100;
    }

    private static long lots(final long count)
    {
        return count * BTC_USD_LOT;
    }
}
