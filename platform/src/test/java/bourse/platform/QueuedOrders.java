package bourse.platform;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalReader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every resting order of every book, in the order an L3 listing gives them: instrument by instrument,
 * bids then asks, best level first, queue order within a level. Read from the engine's own state dump
 * (which lists orders so) or from {@code bourse replay book --orders --format csv}, so the two compare
 * with {@code equals}. Prices and quantities are integers in minor units.
 */
final class QueuedOrders
{
    private static final Pattern INSTRUMENT_LINE = Pattern.compile("^instrument \\d+ (\\S+) status=\\S+ last=\\d+$");
    private static final Pattern ORDER_LINE = Pattern.compile(
        "^ {2}(bid|ask) (\\d+) account=(\\d+) price=(\\d+) remaining=(\\d+) visible=(\\d+) filled=\\d+$");

    /** One resting order where it stands: its level from the best (1 = best) and its place in that level's queue (1 = first). */
    record QueuedOrder(String symbol, String side, int level, long price, int queuePosition, long orderId, long accountId,
        long visibleQuantity)
    {
    }

    /** One price level as L2 shows it. */
    record Level(String symbol, String side, int level, long price, long quantity, int orders)
    {
    }

    private QueuedOrders()
    {
    }

    /** The engine a fresh replay of the data directory's input journal up to {@code sequence} (inclusive) rebuilds. */
    static MatchingEngine engineAfter(final Path data, final long sequence)
    {
        final MatchingEngine engine = new MatchingEngine(new MatchingEngine.Context().eventSink((buffer, offset, length) -> { }));
        try (JournalReader reader = new JournalReader(new DataDirectory(data).input()))
        {
            reader.read(1, sequence + 1, (entrySequence, timestampNs, buffer, offset, length) -> engine.onCommand(buffer, offset, length));
        }
        return engine;
    }

    /** The orders resting in the engine's books, from its state dump. */
    static List<QueuedOrder> fromStateDump(final String dump)
    {
        final List<QueuedOrder> orders = new ArrayList<>();
        String symbol = null;
        String side = null;
        long price = 0;
        int level = 0;
        int queuePosition = 0;
        for (final String line : dump.lines().toList())
        {
            final Matcher instrument = INSTRUMENT_LINE.matcher(line);
            if (instrument.matches())
            {
                symbol = instrument.group(1);
                side = null;
                continue;
            }
            final Matcher order = ORDER_LINE.matcher(line);
            if (!order.matches())
            {
                continue;
            }
            final long orderPrice = Long.parseLong(order.group(4));
            if (!order.group(1).equals(side))
            {
                side = order.group(1);
                level = 0;
            }
            if (level == 0 || orderPrice != price)
            {
                price = orderPrice;
                level++;
                queuePosition = 0;
            }
            queuePosition++;
            orders.add(new QueuedOrder(symbol, side, level, price, queuePosition, Long.parseLong(order.group(2)),
                Long.parseLong(order.group(3)), Long.parseLong(order.group(6))));
        }
        return orders;
    }

    /** What the engine holds back of its resting icebergs: remaining minus visible, summed over the dump's books. */
    static long hiddenQuantity(final String dump)
    {
        long hidden = 0;
        for (final String line : dump.lines().toList())
        {
            final Matcher order = ORDER_LINE.matcher(line);
            if (order.matches())
            {
                hidden += Long.parseLong(order.group(5)) - Long.parseLong(order.group(6));
            }
        }
        return hidden;
    }

    /** The rows of {@code replay book --orders --format csv}, header first. */
    static List<QueuedOrder> fromCsv(final List<String> lines)
    {
        final List<QueuedOrder> orders = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] fields = line.split(",");
            orders.add(new QueuedOrder(fields[2], fields[3], Integer.parseInt(fields[4]), minorUnits(fields[5]),
                Integer.parseInt(fields[6]), Long.parseLong(fields[7]), Long.parseLong(fields[8]), minorUnits(fields[9])));
        }
        return orders;
    }

    /** The rows of {@code replay book --format csv} (levels), header first. */
    static List<Level> levelsFromCsv(final List<String> lines)
    {
        final List<Level> levels = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] fields = line.split(",");
            levels.add(new Level(fields[2], fields[3], Integer.parseInt(fields[4]), minorUnits(fields[5]), minorUnits(fields[6]),
                Integer.parseInt(fields[7])));
        }
        return levels;
    }

    /** The levels the orders make up, in the same order. */
    static List<Level> levels(final List<QueuedOrder> orders)
    {
        final List<Level> levels = new ArrayList<>();
        final Map<String, Integer> indexByLevel = new HashMap<>();
        for (final QueuedOrder order : orders)
        {
            final String key = order.symbol() + " " + order.side() + " " + order.level();
            final Integer index = indexByLevel.get(key);
            if (index == null)
            {
                indexByLevel.put(key, levels.size());
                levels.add(new Level(order.symbol(), order.side(), order.level(), order.price(), order.visibleQuantity(), 1));
            }
            else
            {
                final Level level = levels.get(index);
                levels.set(index, new Level(level.symbol(), level.side(), level.level(), level.price(),
                    level.quantity() + order.visibleQuantity(), level.orders() + 1));
            }
        }
        return levels;
    }

    /** A decimal as printed with its instrument's or asset's full scale, back in minor units: {@code 63995.00} is 6399500. */
    static long minorUnits(final String decimal)
    {
        return new BigDecimal(decimal).unscaledValue().longValueExact();
    }
}
