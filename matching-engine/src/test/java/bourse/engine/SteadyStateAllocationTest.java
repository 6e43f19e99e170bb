package bourse.engine;

import bourse.engine.testing.Command;
import bourse.engine.testing.Commands;
import bourse.engine.testing.TestVenue;
import bourse.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static bourse.engine.Market.BTC;
import static bourse.engine.Market.BTC_USD;
import static bourse.engine.Market.USD;
import static bourse.engine.Market.lots;
import static bourse.engine.Market.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine allocates nothing per command once warm: the same realistic command mix (limits, IOCs,
 * market orders, amends, cancels by client order id, icebergs, stops, rejects) is applied twice, and
 * the second pass must not allocate a byte on the engine's thread.
 */
class SteadyStateAllocationTest
{
    private static final int ROUNDS = 20_000;
    private static final int ACCOUNTS = 6;
    private static final int MEASURED_PASSES = 3;

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] eventBytes = new long[1];
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context()
            .eventSink((buffer, offset, length) -> eventBytes[0] += length));
        final List<Command> setup = new ArrayList<>();
        final TestVenue venue = TestVenue.over(new TestVenue.Engine()
        {
            @Override
            public List<bourse.engine.testing.EngineEvent> onCommand(final Command command)
            {
                setup.add(command);
                return List.of();
            }

            @Override
            public String dumpState()
            {
                return "";
            }
        }).withBtcUsd();
        for (int account = 1; account <= ACCOUNTS; account++)
        {
            venue.withAccount(account).withDeposit(account, USD, usd(1_000_000_000)).withDeposit(account, BTC, lots(1_000_000));
        }
        setup.forEach(command -> engine.onCommand(command.buffer(), command.offset(), command.length()));

        final UnsafeBuffer commands = new UnsafeBuffer(ByteBuffer.allocateDirect(ROUNDS * 12 * 160));
        final int[] offsets = new int[ROUNDS * 12 + 1];
        int count = 0;
        int position = 0;
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

        applyAll(engine, commands, offsets, count);
        applyAll(engine, commands, offsets, count);
        final long threadId = Thread.currentThread().getId();
        final long measurementCost = threads.getThreadAllocatedBytes(threadId) - threads.getThreadAllocatedBytes(threadId);
        // When a measured pass takes a branch C2 has not compiled, the deoptimisation re-materialises scalar
        // replaced objects: a few hundred bytes, once, only with C2 (never with -XX:TieredStopAtLevel=1). A real
        // per-command allocation shows in every pass, so one clean pass out of a few is the test.
        long allocated = Long.MAX_VALUE;
        for (int pass = 0; pass < MEASURED_PASSES && allocated != 0; pass++)
        {
            final long before = threads.getThreadAllocatedBytes(threadId);
            applyAll(engine, commands, offsets, count);
            allocated = threads.getThreadAllocatedBytes(threadId) - before + measurementCost;
        }

        assertThat(eventBytes[0]).isPositive();
        assertThat(engine.dumpState()).contains("  bid ").contains("  ask ").contains("  stop ");
        assertThat(allocated).as("bytes allocated by %d commands", count).isZero();
    }

    private static void applyAll(final MatchingEngine engine, final UnsafeBuffer commands, final int[] offsets, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            engine.onCommand(commands, offsets[i], offsets[i + 1] - offsets[i]);
        }
    }

    /** One round of a busy market, reusing a cycle of client order ids so the book stays the same size. */
    private static List<Commands.Builder<?>> round(final int round)
    {
        final int slot = round % 64;
        final int oldSlot = (round + 32) % 64;
        final long buyer = 1 + round % 2;
        final long seller = 3 + round % 2;
        final List<Commands.Builder<?>> commands = new ArrayList<>();
        commands.add(Market.order(buyer, Side.BUY).limit(usd(29_900 - round % 10)).quantity(lots(2)).gtc().clientOrderId("b" + slot));
        commands.add(Market.order(seller, Side.SELL).limit(usd(30_100 + round % 10)).quantity(lots(2)).gtc().clientOrderId("s" + slot));
        commands.add(Commands.replaceOrder().account(buyer).clientOrderId("b" + slot).price(usd(29_950 - round % 7)).quantity(lots(3)));
        commands.add(Market.order(5, Side.BUY).limit(usd(30_105)).quantity(lots(1)).ioc());
        commands.add(Market.order(6, Side.SELL).market().quantity(lots(1)));
        commands.add(Market.order(5, Side.SELL).limit(usd(30_200)).quantity(lots(6)).display(lots(2)).gtc().clientOrderId("i" + slot));
        commands.add(Market.order(6, Side.SELL).stop(usd(28_000 + round % 50)).quantity(lots(1)).ioc().clientOrderId("t" + slot));
        commands.add(Commands.cancelOrder().account(buyer).clientOrderId("b" + oldSlot));
        commands.add(Commands.cancelOrder().account(seller).clientOrderId("s" + oldSlot));
        commands.add(Commands.cancelOrder().account(5).clientOrderId("i" + oldSlot));
        commands.add(Commands.cancelOrder().account(6).clientOrderId("t" + oldSlot));
        commands.add(Market.order(5, Side.BUY).limit(usd(29_000)).quantity(lots(1)).fok());
        return commands;
    }
}
