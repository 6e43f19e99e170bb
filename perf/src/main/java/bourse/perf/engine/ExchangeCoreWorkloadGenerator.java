package bourse.perf.engine;

import bourse.engine.MatchingEngine;
import bourse.sbe.BookChangedDecoder;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.Side;
import bourse.sbe.TimeInForce;
import bourse.sbe.TradeDecoder;
import org.agrona.DirectBuffer;

import java.util.SplittableRandom;

/**
 * Writes an {@link ExchangeCoreWorkload}. Each command is applied to a private engine as soon as it is
 * written, and the engine's events keep a {@link ShadowBook}, so cancels and amends always name a live
 * order and the book's shape is steered from what really rests, not from a model of the rules.
 * <p>
 * Passive orders go uniformly onto {@value #HALF_RANGE_TICKS} ticks each side of a fixed mid; with
 * 1 000 orders, thinned near the touch by the takers, that occupies about 750 levels (the width was
 * measured to give that, see the shape test). Amends move an order a few ticks along its own side
 * and/or resize it. Takers aim at the touch. The book size is held at {@value #TARGET_RESTING_ORDERS}
 * by the one free choice the mix leaves: while the book is above target, IOCs take the whole best
 * level and a third of the GTC orders do too (filling at once); below it, every GTC order rests and
 * IOCs take a random size.
 */
final class ExchangeCoreWorkloadGenerator
{
    private static final int ACCOUNTS = 1_000;
    private static final int TARGET_RESTING_ORDERS = 1_000;
    private static final int HALF_RANGE_TICKS = 1_150;
    /** Out of 100, exchange-core's published mix; the remaining 82 are amends. */
    private static final int GTC_PERCENT = 9;
    private static final int IOC_PERCENT = 3;
    private static final int CANCEL_PERCENT = 6;
    private static final int MAX_ORDER_LOTS = 100;
    private static final int MAX_MOVE_TICKS = 16;
    /** 10 billion USD and a million BTC per account: risk checks run on every order and never refuse one. */
    private static final long QUOTE_DEPOSIT = 1_000_000_000_000L;
    private static final long BASE_DEPOSIT = 100_000_000_000_000L;
    private static final int REFERENCE_DATA_COMMANDS = 3;

    private final SplittableRandom random;
    private final int benchmarkCommands;
    private final CommandStreamWriter writer;
    private final ShadowBook book = new ShadowBook(HALF_RANGE_TICKS);
    private final MatchingEngine engine;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BookChangedDecoder bookChanged = new BookChangedDecoder();

    private long currentAccountId;
    private long rejects;
    private long trades;
    private boolean lastCommandTraded;

    ExchangeCoreWorkloadGenerator(final long seed, final int benchmarkCommands)
    {
        if (benchmarkCommands < 0 || benchmarkCommands > ExchangeCoreWorkload.maxBenchmarkCommands())
        {
            throw new IllegalArgumentException("benchmark commands out of range: " + benchmarkCommands);
        }
        this.random = new SplittableRandom(seed);
        this.benchmarkCommands = benchmarkCommands;
        this.writer = new CommandStreamWriter(maxSetupCommands() + benchmarkCommands);
        this.engine = new MatchingEngine(new MatchingEngine.Context().eventSink(this::onEvents));
    }

    static int maxSetupCommands()
    {
        return REFERENCE_DATA_COMMANDS + 3 * ACCOUNTS + TARGET_RESTING_ORDERS;
    }

    ExchangeCoreWorkload generate()
    {
        writeSetup();
        final int setupCommandCount = writer.count();
        long gtcOrders = 0;
        long iocOrders = 0;
        long cancels = 0;
        long amends = 0;
        long tradingCommands = 0;
        double restingSum = 0;
        double levelSum = 0;
        for (int i = 0; i < benchmarkCommands; i++)
        {
            final int kind = random.nextInt(100);
            if (kind < GTC_PERCENT)
            {
                gtcOrder();
                gtcOrders++;
            }
            else if (kind < GTC_PERCENT + IOC_PERCENT)
            {
                iocOrder();
                iocOrders++;
            }
            else if (kind < GTC_PERCENT + IOC_PERCENT + CANCEL_PERCENT)
            {
                cancel();
                cancels++;
            }
            else
            {
                amend();
                amends++;
            }
            if (lastCommandTraded)
            {
                tradingCommands++;
            }
            restingSum += book.size();
            levelSum += book.levels();
        }
        final double samples = Math.max(1, benchmarkCommands);
        return new ExchangeCoreWorkload(writer, setupCommandCount, new WorkloadShape(
            gtcOrders, iocOrders, cancels, amends, rejects, trades, tradingCommands,
            restingSum / samples, levelSum / samples));
    }

    private void writeSetup()
    {
        writer.addAsset(WorkloadInstrument.BASE_ASSET_ID, WorkloadInstrument.BASE_ASSET_CODE, WorkloadInstrument.BASE_ASSET_SCALE);
        applyLast(0);
        writer.addAsset(WorkloadInstrument.QUOTE_ASSET_ID, WorkloadInstrument.QUOTE_ASSET_CODE, WorkloadInstrument.QUOTE_ASSET_SCALE);
        applyLast(0);
        writer.addInstrument();
        applyLast(0);
        for (long accountId = 1; accountId <= ACCOUNTS; accountId++)
        {
            writer.createAccount(accountId);
            applyLast(accountId);
            writer.deposit(accountId, WorkloadInstrument.QUOTE_ASSET_ID, QUOTE_DEPOSIT);
            applyLast(accountId);
            writer.deposit(accountId, WorkloadInstrument.BASE_ASSET_ID, BASE_DEPOSIT);
            applyLast(accountId);
        }
        while (book.size() < TARGET_RESTING_ORDERS)
        {
            passiveOrder(randomAccount(), random.nextBoolean());
        }
        if (rejects != 0)
        {
            throw new IllegalStateException("the engine rejected a setup command");
        }
    }

    private void gtcOrder()
    {
        final long accountId = randomAccount();
        final boolean buy = random.nextBoolean();
        final int touch = book.bestOppositeDistance(buy);
        if (draining() && touch != 0 && random.nextInt(3) == 0)
        {
            // Exactly what rests at the touch: fills at once, so nothing rests on the wrong side of the mid.
            takerOrder(accountId, buy, touch, book.oppositeQuantity(buy, touch), TimeInForce.GTC);
        }
        else
        {
            passiveOrder(accountId, buy);
        }
    }

    private void iocOrder()
    {
        final long accountId = randomAccount();
        final boolean buy = random.nextBoolean();
        final int touch = book.bestOppositeDistance(buy);
        if (touch == 0)
        {
            // Nothing to take: the whole order comes back cancelled as IOC remainder.
            writer.limitOrder(accountId, buy ? Side.BUY : Side.SELL, price(buy, 1), randomQuantity(), TimeInForce.IOC);
            applyLast(accountId);
            return;
        }
        final long quantity = draining() ?
            book.oppositeQuantity(buy, touch) : Math.min(randomQuantity(), book.oppositeQuantity(buy, touch));
        takerOrder(accountId, buy, touch, quantity, TimeInForce.IOC);
    }

    private void cancel()
    {
        final int slot = randomLiveOrder();
        writer.cancelOrder(book.accountId(slot), book.orderId(slot));
        applyLast(book.accountId(slot));
    }

    private void amend()
    {
        final int slot = randomLiveOrder();
        final long accountId = book.accountId(slot);
        final boolean bid = book.isBid(slot);
        int distance = book.distanceFromMid(slot);
        long quantity = book.remaining(slot);
        final int change = random.nextInt(4);
        if (change != 2)
        {
            distance = movedDistance(distance);
        }
        if (change >= 2)
        {
            quantity = randomQuantity();
        }
        writer.replaceOrder(accountId, book.orderId(slot), price(bid, distance), quantity);
        applyLast(accountId);
    }

    /** A few ticks up or down its own side, turned back at either end so it never crosses the mid. */
    private int movedDistance(final int distance)
    {
        final int step = 1 + random.nextInt(MAX_MOVE_TICKS);
        final int moved = random.nextBoolean() ? distance + step : distance - step;
        return moved < 1 || moved > HALF_RANGE_TICKS ? distance - (moved - distance) : moved;
    }

    private void passiveOrder(final long accountId, final boolean buy)
    {
        final int distance = 1 + random.nextInt(HALF_RANGE_TICKS);
        writer.limitOrder(accountId, buy ? Side.BUY : Side.SELL, price(buy, distance), randomQuantity(), TimeInForce.GTC);
        applyLast(accountId);
    }

    /** An order priced at the opposite side's level {@code distance} ticks from the mid. */
    private void takerOrder(
        final long accountId, final boolean buy, final int distance, final long quantity, final TimeInForce timeInForce)
    {
        final long price = price(!buy, distance);
        writer.limitOrder(accountId, buy ? Side.BUY : Side.SELL, price, quantity, timeInForce);
        applyLast(accountId);
    }

    private boolean draining()
    {
        return book.size() > TARGET_RESTING_ORDERS;
    }

    private long randomAccount()
    {
        return 1 + random.nextInt(ACCOUNTS);
    }

    private long randomQuantity()
    {
        return (1 + random.nextInt(MAX_ORDER_LOTS)) * WorkloadInstrument.LOT_SIZE;
    }

    private int randomLiveOrder()
    {
        if (book.size() == 0)
        {
            throw new IllegalStateException("the workload's book emptied: no order to cancel or amend");
        }
        return random.nextInt(book.size());
    }

    private static long price(final boolean bid, final int distanceFromMid)
    {
        final long offset = (long)distanceFromMid * WorkloadInstrument.TICK_SIZE;
        return bid ? WorkloadInstrument.MID_PRICE - offset : WorkloadInstrument.MID_PRICE + offset;
    }

    /** Runs the command just written through the generating engine; its events update the shadow book. */
    private void applyLast(final long accountId)
    {
        currentAccountId = accountId;
        lastCommandTraded = false;
        engine.onCommand(writer.buffer(), writer.lastOffset(), writer.lastLength());
    }

    private void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        int position = offset;
        final int end = offset + length;
        while (position < end)
        {
            header.wrap(buffer, position);
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case BookChangedDecoder.TEMPLATE_ID:
                    onBookChanged(bookChanged.wrap(buffer, body, header.blockLength(), header.version()));
                    break;
                case CommandRejectedDecoder.TEMPLATE_ID:
                    rejects++;
                    break;
                case TradeDecoder.TEMPLATE_ID:
                    trades++;
                    lastCommandTraded = true;
                    break;
                default:
                    break;
            }
            position = body + header.blockLength();
        }
    }

    private void onBookChanged(final BookChangedDecoder event)
    {
        switch (event.action())
        {
            case ADDED:
                // Only the command's own order is added here (no icebergs), so the account is the command's.
                book.onAdded(event.orderId(), currentAccountId, event.price(), event.visibleQuantity());
                break;
            case REDUCED:
                book.onReduced(event.orderId(), event.visibleQuantity());
                break;
            case REMOVED:
                book.onRemoved(event.orderId());
                break;
            default:
                throw new IllegalStateException("unexpected book change " + event.action());
        }
    }
}
