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
        final UnsafeBuffer commands = new UnsafeBuffer(ByteBuffer.allocateDirect(ROUNDS * 12 * 160));
        final int[] offsets = new int[ROUNDS * 12 + 1];
        int count = 0;
        int position = 0;
        for (final Commands.Builder<?> builder : setUp())
        {
            final Command command = builder.timestampNs(FeedHarness.START_NS).build();
            engine.onCommand(command.buffer(), command.offset(), command.length());
        }
        for (int round = 0; round < ROUNDS; round++)
        {
            for (final Commands.Builder<?> builder : round(round))
            {
                final Command command = builder.build();
                commands.putBytes(position, command.buffer(), command.offset(), command.length());
                offsets[count++] = position;
                position += command.length();
            }
        }
        offsets[count] = position;

        applyAll(engine, market, client, commands, offsets, count, 0);
        applyAll(engine, market, client, commands, offsets, count, 1);
        long allocated = Long.MAX_VALUE;
        for (int pass = 2; pass < 2 + MEASURED_PASSES && allocated != 0; pass++)
        {
            final long threadId = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(threadId);
            applyAll(engine, market, client, commands, offsets, count, pass);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(threadId) - before);
        }

        assertThat(errors).isEmpty();
        assertThat(client.book(BTC_USD).isSynced()).isTrue();
        assertThat(client.book(BTC_USD).ticker().window().tradeCount()).isPositive();
        assertThat(client.instrumentGaps()).isZero();
        assertThat(heardLevels).isPositive();
        assertThat(allocated).as("bytes allocated by %d commands through feed and client", count).isZero();
    }

    private void applyAll(
        final MatchingEngine engine,
        final MarketState market,
        final LocalMarket client,
        final UnsafeBuffer commands,
        final int[] offsets,
        final int count,
        final int pass)
    {
        final long passStartNs = FeedHarness.START_NS + (pass + 1) * (long)count * STEP_NS;
        for (int i = 0; i < count; i++)
        {
            final long timestampNs = passStartNs + i * STEP_NS;
            commands.putLong(offsets[i] + TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
            engine.onCommand(commands, offsets[i], offsets[i + 1] - offsets[i]);
            if (i % 64 == 0)
            {
                market.publishChecksums();
                market.rollStatistics(timestampNs);
                final int length = market.encodeSnapshot(0, snapshot, 0, i, 100);
                client.onSnapshot(snapshot, 0, length, 1);
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

    /** One round of a busy market, reusing a cycle of client order ids so the book stays the same size. */
    private static List<Commands.Builder<?>> round(final int round)
    {
        final int slot = round % 64;
        final int oldSlot = (round + 32) % 64;
        final long buyer = 1 + round % 2;
        final long seller = 3 + round % 2;
        final List<Commands.Builder<?>> commands = new ArrayList<>();
        commands.add(order(buyer, Side.BUY).limit(cents(29_900 - round % 10)).quantity(lots(2)).gtc().clientOrderId("b" + slot));
        commands.add(order(seller, Side.SELL).limit(cents(30_100 + round % 10)).quantity(lots(2)).gtc().clientOrderId("s" + slot));
        commands.add(Commands.replaceOrder().account(buyer).clientOrderId("b" + slot).price(cents(29_950 - round % 7)).quantity(lots(3)));
        commands.add(order(5, Side.BUY).limit(cents(30_105)).quantity(lots(1)).ioc());
        commands.add(order(6, Side.SELL).market().quantity(lots(1)));
        commands.add(order(5, Side.SELL).limit(cents(30_200)).quantity(lots(6)).display(lots(2)).gtc().clientOrderId("i" + slot));
        commands.add(Commands.cancelOrder().account(buyer).clientOrderId("b" + oldSlot));
        commands.add(Commands.cancelOrder().account(seller).clientOrderId("s" + oldSlot));
        commands.add(Commands.cancelOrder().account(5).clientOrderId("i" + oldSlot));
        commands.add(order(6, Side.BUY).limit(cents(30_200)).quantity(lots(1)).ioc());
        return commands;
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
