package bourse.engine;

import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the canonical state dump of docs/rulebook.md and hashes it. Everything is listed in a
 * defined order (ids sorted, books best first in queue order, stops in trigger order), so that equal
 * states give equal text whatever the history of the hash maps inside.
 */
final class StateDump
{
    private StateDump()
    {
    }

    static String write(final MatchingEngine engine)
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append("engine lastSequence=").append(engine.lastSequence())
            .append(" nextOrderId=").append(engine.nextOrderId())
            .append(" nextTradeId=").append(engine.nextTradeId()).append('\n');

        final Assets assets = engine.assets();
        for (int assetId = 1; assetId < Assets.MAX_ASSETS; assetId++)
        {
            if (assets.exists(assetId))
            {
                out.append("asset ").append(assetId).append(' ').append(ascii(assets.code(assetId)))
                    .append(" scale=").append(assets.scale(assetId)).append('\n');
            }
        }

        final int[] instrumentIds = engine.books().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        for (final int instrumentId : instrumentIds)
        {
            final OrderBook book = engine.books().get(instrumentId);
            out.append("instrument ").append(instrumentId).append(' ').append(ascii(book.symbol))
                .append(" status=").append(book.halted ? "HALTED" : "TRADING")
                .append(" last=").append(book.lastPrice()).append('\n');
            writeSide(out, "bid", book.bids);
            writeSide(out, "ask", book.asks);
            writeStops(out, book.buyStops);
            writeStops(out, book.sellStops);
        }

        final long[] accountIds = engine.accounts().keySet().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(accountIds);
        final List<ApiKeys.Entry> apiKeys = engine.apiKeys().sorted();
        int nextKey = 0;
        for (final long accountId : accountIds)
        {
            final Account account = engine.accounts().get(accountId);
            out.append("account ").append(accountId).append(" stp=").append(StpMode.get(account.stpMode)).append('\n');
            for (int assetId = 0; assetId < Assets.MAX_ASSETS; assetId++)
            {
                if (account.total[assetId] != 0 || account.held[assetId] != 0)
                {
                    out.append("  balance ").append(assetId)
                        .append(" total=").append(account.total[assetId])
                        .append(" held=").append(account.held[assetId]).append('\n');
                }
            }
            // Both lists are by account id, and every key belongs to an account.
            for (; nextKey < apiKeys.size() && apiKeys.get(nextKey).accountId() == accountId; nextKey++)
            {
                out.append("  apikey ").append(HexFormat.of().formatHex(apiKeys.get(nextKey).hash())).append('\n');
            }
        }

        final long[] fees = engine.feesCollected();
        for (int assetId = 0; assetId < fees.length; assetId++)
        {
            if (fees[assetId] != 0)
            {
                out.append("fees ").append(assetId).append(' ').append(fees[assetId]).append('\n');
            }
        }
        return out.toString();
    }

    /** FNV-1a over the dump's bytes, finished with a 64-bit mix so that nearby dumps spread. */
    static long hash(final String dump)
    {
        long hash = 0xCBF29CE484222325L;
        for (final byte b : dump.getBytes(StandardCharsets.US_ASCII))
        {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        return hash;
    }

    private static void writeSide(final StringBuilder out, final String label, final BookSide side)
    {
        for (int rank = 0; rank < side.size(); rank++)
        {
            for (Order order = side.levelFromBest(rank).head; order != null; order = order.levelNext)
            {
                out.append("  ").append(label).append(' ').append(order.orderId)
                    .append(" account=").append(order.account.accountId)
                    .append(" price=").append(order.price)
                    .append(" remaining=").append(order.remaining)
                    .append(" visible=").append(order.visible)
                    .append(" filled=").append(order.filled).append('\n');
            }
        }
    }

    private static void writeStops(final StringBuilder out, final BookSide stops)
    {
        for (int rank = 0; rank < stops.size(); rank++)
        {
            for (Order order = stops.levelFromBest(rank).head; order != null; order = order.levelNext)
            {
                out.append("  stop ").append(order.orderId)
                    .append(" account=").append(order.account.accountId)
                    .append(" side=").append(Side.get(order.side))
                    .append(" type=").append(OrderType.get(order.orderType))
                    .append(" stop=").append(order.stopPrice)
                    .append(" price=").append(order.price)
                    .append(" remaining=").append(order.remaining).append('\n');
            }
        }
    }

    private static String ascii(final byte[] bytes)
    {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0)
        {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
