package bourse.engine;

import bourse.sbe.AddInstrumentDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The whole engine state as one binary, versioned, checksummed image: what recovery loads before it
 * replays the input journal from {@link #lastSequence(DirectBuffer, int)} + 1.
 * <p>
 * Layout (little-endian): a fixed header (magic, format version, length, last applied sequence,
 * state hash, id counters), then assets, accounts with their non-zero balances, instruments with
 * their open orders in order id order and their four queues (bids, asks, buy stops, sell stops, best
 * first, each level's orders in time priority as order ids), fees collected, API keys (format 2: a
 * count, then account id and key hash each, by account id and hash), and last a CRC32C of everything
 * before it. Format 1, without API keys, still loads. Loading rebuilds every index exactly as the engine built it (open-order
 * lists in order id order, queues in priority order) and then checks that the loaded state hashes
 * to the recorded {@link MatchingEngine#stateHash()}: a snapshot that loads is the state it recorded.
 * <p>
 * Not for the hot path: writing walks and sorts the whole state.
 */
public final class EngineSnapshot
{
    /** "BSNP" read as a little-endian int. */
    public static final int MAGIC = 0x504E5342;
    /** Bumped on any layout change; a loader refuses versions it does not know. */
    public static final short FORMAT_VERSION = 2;
    /** The format before API keys: the same layout without their section. */
    private static final short FORMAT_VERSION_WITHOUT_API_KEYS = 1;

    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int LENGTH_OFFSET = 8;
    private static final int LAST_SEQUENCE_OFFSET = 12;
    private static final int STATE_HASH_OFFSET = 20;
    private static final int NEXT_ORDER_ID_OFFSET = 28;
    private static final int NEXT_TRADE_ID_OFFSET = 36;
    private static final int HEADER_LENGTH = 44;
    private static final int CHECKSUM_LENGTH = 8;
    private static final int SYMBOL_LENGTH = AddInstrumentDecoder.symbolLength();
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private EngineSnapshot()
    {
    }

    /**
     * Writes the engine's state at {@code offset}; the buffer must be able to grow (e.g. an
     * {@code ExpandableArrayBuffer}) or be large enough.
     *
     * @return the snapshot's length in bytes.
     */
    public static int write(final MatchingEngine engine, final MutableDirectBuffer buffer, final int offset)
    {
        final Writer out = new Writer(buffer, offset + HEADER_LENGTH);
        writeAssets(engine.assets(), out);
        writeAccounts(engine.accounts(), out);
        writeInstruments(engine, out);
        final long[] fees = engine.feesCollected();
        for (int assetId = 0; assetId < fees.length; assetId++)
        {
            out.putLong(fees[assetId]);
        }
        writeApiKeys(engine.apiKeys(), out);

        final int length = out.position - offset + CHECKSUM_LENGTH;
        buffer.putInt(offset + MAGIC_OFFSET, MAGIC, ORDER);
        buffer.putShort(offset + VERSION_OFFSET, FORMAT_VERSION, ORDER);
        buffer.putShort(offset + VERSION_OFFSET + 2, (short)0, ORDER);
        buffer.putInt(offset + LENGTH_OFFSET, length, ORDER);
        buffer.putLong(offset + LAST_SEQUENCE_OFFSET, engine.lastSequence(), ORDER);
        buffer.putLong(offset + STATE_HASH_OFFSET, engine.stateHash(), ORDER);
        buffer.putLong(offset + NEXT_ORDER_ID_OFFSET, engine.nextOrderId(), ORDER);
        buffer.putLong(offset + NEXT_TRADE_ID_OFFSET, engine.nextTradeId(), ORDER);
        buffer.putLong(out.position, checksum(buffer, offset, length - CHECKSUM_LENGTH), ORDER);
        return length;
    }

    /** Last sequence applied in the snapshot at {@code offset} (header only, not validated). */
    public static long lastSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + LAST_SEQUENCE_OFFSET, ORDER);
    }

    /** State hash recorded in the snapshot at {@code offset} (header only, not validated). */
    public static long stateHash(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + STATE_HASH_OFFSET, ORDER);
    }

    /**
     * Loads a snapshot into a new engine.
     *
     * @throws SnapshotException when the bytes are not a complete, intact snapshot of a known version,
     * or when the loaded state does not hash to the recorded state hash.
     */
    public static MatchingEngine load(
        final MatchingEngine.Context context, final DirectBuffer buffer, final int offset, final int length)
    {
        final short version = validate(buffer, offset, length);
        final MatchingEngine engine = new MatchingEngine(context);
        final Reader in = new Reader(buffer, offset + HEADER_LENGTH, offset + length - CHECKSUM_LENGTH);
        try
        {
            engine.restoreCounters(
                buffer.getLong(offset + LAST_SEQUENCE_OFFSET, ORDER),
                buffer.getLong(offset + NEXT_ORDER_ID_OFFSET, ORDER),
                buffer.getLong(offset + NEXT_TRADE_ID_OFFSET, ORDER));
            readAssets(engine, in);
            readAccounts(engine, in);
            readInstruments(engine, in);
            final long[] fees = engine.feesCollected();
            for (int assetId = 0; assetId < fees.length; assetId++)
            {
                fees[assetId] = in.getLong();
            }
            if (version != FORMAT_VERSION_WITHOUT_API_KEYS)
            {
                readApiKeys(engine, in);
            }
            in.expectEnd();
            engine.restoreSupply();
        }
        catch (final IndexOutOfBoundsException | IllegalArgumentException ex)
        {
            throw new SnapshotException("snapshot content is inconsistent: " + ex.getMessage(), ex);
        }
        final long expectedHash = buffer.getLong(offset + STATE_HASH_OFFSET, ORDER);
        final long actualHash = engine.stateHash();
        if (actualHash != expectedHash)
        {
            throw new SnapshotException(String.format(
                "loaded state hashes to %016x, the snapshot recorded %016x", actualHash, expectedHash), null);
        }
        return engine;
    }

    /** Checks the header and the checksum; returns the format version. */
    private static short validate(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH + CHECKSUM_LENGTH)
        {
            throw new SnapshotException("snapshot too short: " + length + " bytes", null);
        }
        final int magic = buffer.getInt(offset + MAGIC_OFFSET, ORDER);
        if (magic != MAGIC)
        {
            throw new SnapshotException(String.format("not a Bourse engine snapshot (magic %08x)", magic), null);
        }
        final short version = buffer.getShort(offset + VERSION_OFFSET, ORDER);
        if (version != FORMAT_VERSION && version != FORMAT_VERSION_WITHOUT_API_KEYS)
        {
            throw new SnapshotException("snapshot format version " + version + " is not supported (this engine reads " +
                FORMAT_VERSION_WITHOUT_API_KEYS + " and " + FORMAT_VERSION + ")", null);
        }
        final int recordedLength = buffer.getInt(offset + LENGTH_OFFSET, ORDER);
        if (recordedLength != length)
        {
            throw new SnapshotException("snapshot is " + length + " bytes but records " + recordedLength + ": truncated?", null);
        }
        final long recordedChecksum = buffer.getLong(offset + length - CHECKSUM_LENGTH, ORDER);
        if (recordedChecksum != checksum(buffer, offset, length - CHECKSUM_LENGTH))
        {
            throw new SnapshotException("snapshot checksum mismatch: the bytes are corrupt", null);
        }
        return version;
    }

    private static long checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    // ---------------------------------------------------------------- sections

    private static void writeAssets(final Assets assets, final Writer out)
    {
        int count = 0;
        for (int assetId = 1; assetId < Assets.MAX_ASSETS; assetId++)
        {
            count += assets.exists(assetId) ? 1 : 0;
        }
        out.putInt(count);
        for (int assetId = 1; assetId < Assets.MAX_ASSETS; assetId++)
        {
            if (assets.exists(assetId))
            {
                out.putInt(assetId);
                out.putInt(assets.scale(assetId));
                out.putBytes(assets.code(assetId), Assets.CODE_LENGTH);
            }
        }
    }

    private static void readAssets(final MatchingEngine engine, final Reader in)
    {
        final int count = in.getCount();
        for (int i = 0; i < count; i++)
        {
            final int assetId = in.getInt();
            final int scale = in.getInt();
            final byte[] code = in.getBytes(Assets.CODE_LENGTH);
            if (assetId < 1 || assetId >= Assets.MAX_ASSETS || engine.assets().exists(assetId))
            {
                throw new IllegalArgumentException("asset id " + assetId);
            }
            engine.assets().add(assetId, code, scale);
        }
    }

    private static void writeInstruments(final MatchingEngine engine, final Writer out)
    {
        final int[] instrumentIds = engine.books().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        out.putInt(instrumentIds.length);
        for (final int instrumentId : instrumentIds)
        {
            final OrderBook book = engine.books().get(instrumentId);
            out.putInt(book.instrumentId);
            out.putBytes(book.symbol, SYMBOL_LENGTH);
            out.putInt(book.baseAssetId);
            out.putInt(book.quoteAssetId);
            out.putInt(book.priceScale);
            out.putLong(book.tickSize);
            out.putLong(book.lotSize);
            out.putLong(book.minQuantity);
            out.putLong(book.maxQuantity);
            out.putInt(book.priceBandBps);
            out.putInt(book.makerFeePpm);
            out.putInt(book.takerFeePpm);
            out.putLong(book.referencePrice);
            out.putLong(book.quotePerTickLot);
            out.putByte(book.halted ? 1 : 0);
            out.putLong(book.lastPrice());

            int orderCount = 0;
            for (Order order = book.openHead; order != null; order = order.bookNext)
            {
                orderCount++;
            }
            out.putInt(orderCount);
            for (Order order = book.openHead; order != null; order = order.bookNext)
            {
                writeOrder(order, out);
            }
            writeQueues(book.bids, out);
            writeQueues(book.asks, out);
            writeQueues(book.buyStops, out);
            writeQueues(book.sellStops, out);
        }
    }

    private static void readInstruments(final MatchingEngine engine, final Reader in)
    {
        final int count = in.getCount();
        for (int i = 0; i < count; i++)
        {
            final int instrumentId = in.getInt();
            final byte[] symbol = in.getBytes(SYMBOL_LENGTH);
            final OrderBook book = new OrderBook(
                instrumentId, symbol, in.getInt(), in.getInt(), in.getInt(), in.getLong(), in.getLong(), in.getLong(),
                in.getLong(), in.getInt(), in.getInt(), in.getInt(), in.getLong(), in.getLong(), engine.levelPool());
            book.halted = in.getByte() != 0;
            book.lastPrice(in.getLong());
            if (engine.books().containsKey(instrumentId))
            {
                throw new IllegalArgumentException("instrument id " + instrumentId + " twice");
            }
            engine.books().put(instrumentId, book);

            final int orderCount = in.getCount();
            final List<Order> bookOrders = new ArrayList<>(orderCount);
            for (int o = 0; o < orderCount; o++)
            {
                bookOrders.add(readOrder(engine, book, in));
            }
            // The book's open-order list was written in order id order; registering in that order
            // rebuilds the account lists in order id order too, as mass cancel expects.
            final Long2ObjectHashMap<Order> byId = new Long2ObjectHashMap<>();
            long previousOrderId = 0;
            for (final Order order : bookOrders)
            {
                if (order.orderId <= previousOrderId || engine.findOpenOrder(order.orderId) != null)
                {
                    throw new IllegalArgumentException("order " + order.orderId + " out of order or twice");
                }
                previousOrderId = order.orderId;
                engine.registerRestored(order);
                byId.put(order.orderId, order);
            }
            // Each queued order is distinct and known, so a count equal to the book's means all are queued.
            final int queued = readQueues(book.bids, byId, in) + readQueues(book.asks, byId, in) +
                readQueues(book.buyStops, byId, in) + readQueues(book.sellStops, byId, in);
            if (queued != orderCount)
            {
                throw new IllegalArgumentException("instrument " + instrumentId + " has orders outside its queues");
            }
        }
    }

    private static void writeOrder(final Order order, final Writer out)
    {
        out.putLong(order.orderId);
        out.putLong(order.account.accountId);
        out.putByte(order.side);
        out.putByte(order.orderType);
        out.putByte(order.timeInForce);
        out.putByte(order.postOnly ? 1 : 0);
        out.putByte(order.stpMode);
        out.putByte(order.state);
        out.putLong(order.price);
        out.putLong(order.stopPrice);
        out.putLong(order.quantity);
        out.putLong(order.displayQuantity);
        out.putLong(order.remaining);
        out.putLong(order.visible);
        out.putLong(order.filled);
        out.putLong(order.hold);
        out.putByte(order.hasClientOrderId ? 1 : 0);
        out.putBytes(order.clientOrderId, ClientOrderIds.LENGTH);
    }

    private static Order readOrder(final MatchingEngine engine, final OrderBook book, final Reader in)
    {
        final Order order = new Order();
        order.orderId = in.getLong();
        final long accountId = in.getLong();
        order.book = book;
        order.side = in.getByte();
        order.orderType = in.getByte();
        order.timeInForce = in.getByte();
        order.postOnly = in.getByte() != 0;
        order.stpMode = in.getByte();
        order.state = in.getByte();
        order.price = in.getLong();
        order.stopPrice = in.getLong();
        order.quantity = in.getLong();
        order.displayQuantity = in.getLong();
        order.remaining = in.getLong();
        order.visible = in.getLong();
        order.filled = in.getLong();
        order.hold = in.getLong();
        order.hasClientOrderId = in.getByte() != 0;
        System.arraycopy(in.getBytes(ClientOrderIds.LENGTH), 0, order.clientOrderId, 0, ClientOrderIds.LENGTH);
        order.account = engine.accounts().get(accountId);
        if (order.account == null)
        {
            throw new IllegalArgumentException("order " + order.orderId + " of unknown account " + accountId);
        }
        if (order.state != Order.STATE_RESTING && order.state != Order.STATE_PENDING_STOP)
        {
            throw new IllegalArgumentException("order " + order.orderId + " in state " + order.state);
        }
        return order;
    }

    private static void writeQueues(final BookSide side, final Writer out)
    {
        out.putInt(side.size());
        for (int rank = 0; rank < side.size(); rank++)
        {
            final PriceLevel level = side.levelFromBest(rank);
            out.putLong(level.price);
            out.putInt(level.orderCount);
            for (Order order = level.head; order != null; order = order.levelNext)
            {
                out.putLong(order.orderId);
            }
        }
    }

    private static int readQueues(final BookSide side, final Long2ObjectHashMap<Order> byId, final Reader in)
    {
        int queued = 0;
        final int levels = in.getCount();
        for (int i = 0; i < levels; i++)
        {
            final long price = in.getLong();
            final int orderCount = in.getCount();
            if (orderCount == 0 || side.find(price) != null)
            {
                throw new IllegalArgumentException("level " + price + " empty or twice");
            }
            final PriceLevel level = side.findOrCreate(price);
            for (int o = 0; o < orderCount; o++)
            {
                final long orderId = in.getLong();
                final Order order = byId.get(orderId);
                if (order == null || order.level != null)
                {
                    throw new IllegalArgumentException("queued order " + orderId + " unknown or queued twice");
                }
                level.append(order);
                queued++;
            }
        }
        return queued;
    }

    private static void writeAccounts(final Long2ObjectHashMap<Account> accounts, final Writer out)
    {
        final long[] accountIds = accounts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        out.putInt(accountIds.length);
        for (final long accountId : accountIds)
        {
            final Account account = accounts.get(accountId);
            out.putLong(account.accountId);
            out.putByte(account.stpMode);
            int balances = 0;
            for (int assetId = 0; assetId < Assets.MAX_ASSETS; assetId++)
            {
                balances += account.total[assetId] != 0 || account.held[assetId] != 0 ? 1 : 0;
            }
            out.putInt(balances);
            for (int assetId = 0; assetId < Assets.MAX_ASSETS; assetId++)
            {
                if (account.total[assetId] != 0 || account.held[assetId] != 0)
                {
                    out.putInt(assetId);
                    out.putLong(account.total[assetId]);
                    out.putLong(account.held[assetId]);
                }
            }
        }
    }

    private static void readAccounts(final MatchingEngine engine, final Reader in)
    {
        final int count = in.getCount();
        for (int i = 0; i < count; i++)
        {
            final long accountId = in.getLong();
            final byte stpMode = in.getByte();
            if (accountId <= 0 || engine.accounts().containsKey(accountId))
            {
                throw new IllegalArgumentException("account id " + accountId);
            }
            final Account account = new Account(accountId, stpMode);
            engine.accounts().put(accountId, account);
            final int balances = in.getCount();
            for (int b = 0; b < balances; b++)
            {
                final int assetId = in.getInt();
                account.total[assetId] = in.getLong();
                account.held[assetId] = in.getLong();
            }
        }
    }

    private static void writeApiKeys(final ApiKeys apiKeys, final Writer out)
    {
        final List<ApiKeys.Entry> entries = apiKeys.sorted();
        out.putInt(entries.size());
        for (final ApiKeys.Entry entry : entries)
        {
            out.putLong(entry.accountId());
            out.putBytes(entry.hash(), ApiKeys.HASH_LENGTH);
        }
    }

    private static void readApiKeys(final MatchingEngine engine, final Reader in)
    {
        final int count = in.getCount();
        for (int i = 0; i < count; i++)
        {
            final long accountId = in.getLong();
            final byte[] hash = in.getBytes(ApiKeys.HASH_LENGTH);
            if (!engine.accounts().containsKey(accountId) || ApiKeys.isBlank(hash) || engine.apiKeys().contains(hash))
            {
                throw new IllegalArgumentException("API key of account " + accountId + " unknown, blank or twice");
            }
            engine.apiKeys().add(accountId, hash);
        }
    }

    /** Sequential little-endian writes into a buffer that may grow. */
    private static final class Writer
    {
        private final MutableDirectBuffer buffer;
        private int position;

        Writer(final MutableDirectBuffer buffer, final int position)
        {
            this.buffer = buffer;
            this.position = position;
        }

        void putByte(final int value)
        {
            buffer.putByte(position, (byte)value);
            position += 1;
        }

        void putInt(final int value)
        {
            buffer.putInt(position, value, ORDER);
            position += 4;
        }

        void putLong(final long value)
        {
            buffer.putLong(position, value, ORDER);
            position += 8;
        }

        void putBytes(final byte[] bytes, final int length)
        {
            buffer.putBytes(position, bytes, 0, length);
            position += length;
        }
    }

    /** Sequential little-endian reads that never run past the end of the snapshot body. */
    private static final class Reader
    {
        private final DirectBuffer buffer;
        private final int limit;
        private int position;

        Reader(final DirectBuffer buffer, final int position, final int limit)
        {
            this.buffer = buffer;
            this.position = position;
            this.limit = limit;
        }

        byte getByte()
        {
            check(1);
            return buffer.getByte(position++);
        }

        int getInt()
        {
            check(4);
            final int value = buffer.getInt(position, ORDER);
            position += 4;
            return value;
        }

        /** A count of records that follow: never negative, never more than the bytes left could hold. */
        int getCount()
        {
            final int count = getInt();
            if (count < 0 || count > limit - position)
            {
                throw new IllegalArgumentException("count " + count);
            }
            return count;
        }

        long getLong()
        {
            check(8);
            final long value = buffer.getLong(position, ORDER);
            position += 8;
            return value;
        }

        byte[] getBytes(final int length)
        {
            check(length);
            final byte[] bytes = new byte[length];
            buffer.getBytes(position, bytes);
            position += length;
            return bytes;
        }

        void expectEnd()
        {
            if (position != limit)
            {
                throw new IllegalArgumentException((limit - position) + " unread bytes");
            }
        }

        private void check(final int length)
        {
            if (position + length > limit)
            {
                throw new IndexOutOfBoundsException("read past the end of the snapshot");
            }
        }
    }
}
