package bourse.gateway;

import bourse.marketdata.BookLevels;
import bourse.marketdata.PriceLevels;
import bourse.marketdata.client.InstrumentBook;
import bourse.v1.BookUpdate;
import bourse.v1.PriceLevel;

/**
 * One {@code StreamBook} call: the book to its depth, as a snapshot and then the levels that changed. It
 * remembers what it last sent of each side, so that each update names exactly the levels whose quantity
 * or order count differ, and the levels that left the depth (quantity 0). When its client reads too slowly
 * the buffer is dropped ({@link OutboundStream.Overflow#RESET}) and the next message is a snapshot again,
 * sent as soon as the buffer has room. Agent thread only.
 */
final class BookStream
{
    final OutboundStream<BookUpdate> out;
    final InstrumentInfo instrument;
    private final int depth;
    private final Side bids;
    private final Side asks;
    private long sequence;
    private boolean needsSnapshot = true;

    BookStream(final OutboundStream<BookUpdate> out, final InstrumentInfo instrument, final int depth)
    {
        this.out = out;
        this.instrument = instrument;
        this.depth = depth;
        this.bids = new Side(depth, true);
        this.asks = new Side(depth, false);
    }

    /** Whether the client must be sent a snapshot before any update. */
    boolean needsSnapshot()
    {
        return needsSnapshot;
    }

    /** The feed's book changed (or became current again): send the client what it needs. */
    int onBook(final InstrumentBook book)
    {
        if (needsSnapshot)
        {
            return snapshot(book);
        }
        final BookUpdate.Builder update = BookUpdate.newBuilder();
        final int changed = bids.diff(book.bids(), update, true) + asks.diff(book.asks(), update, false);
        if (changed == 0)
        {
            return 0;
        }
        send(update, book, false);
        return 1;
    }

    /** The feed lost messages of the instrument: what follows its recovery starts with a snapshot. */
    void onGap()
    {
        needsSnapshot = true;
    }

    /** Sends the whole book to the depth, when the buffer has room for it. */
    int snapshot(final InstrumentBook book)
    {
        if (!book.isSynced() || !out.hasRoom())
        {
            return 0;
        }
        final BookUpdate.Builder snapshot = BookUpdate.newBuilder();
        bids.replace(book.bids(), snapshot, true);
        asks.replace(book.asks(), snapshot, false);
        needsSnapshot = false;
        send(snapshot, book, true);
        return 1;
    }

    private void send(final BookUpdate.Builder message, final InstrumentBook book, final boolean snapshot)
    {
        final boolean taken = out.offer(message
            .setInstrument(instrument.symbol())
            .setSequence(++sequence)
            .setSnapshot(snapshot)
            .setFeedSequence(book.instrumentSequence())
            .build());
        if (!taken)
        {
            needsSnapshot = true;
        }
    }

    private PriceLevel level(final long price, final long quantity, final int orderCount)
    {
        return PriceLevel.newBuilder()
            .setPrice(instrument.price(price))
            .setQuantity(instrument.quantity(quantity))
            .setOrderCount(orderCount)
            .build();
    }

    /** What was last sent of one side, to the depth. */
    private final class Side
    {
        private final PriceLevels sent;

        Side(final int depth, final boolean bids)
        {
            sent = new PriceLevels(bids, depth);
        }

        void replace(final BookLevels levels, final BookUpdate.Builder snapshot, final boolean bid)
        {
            sent.clear();
            for (int rank = 0; rank < Math.min(depth, levels.size()); rank++)
            {
                sent.set(levels.price(rank), levels.quantity(rank), levels.orderCount(rank));
                add(snapshot, bid, level(levels.price(rank), levels.quantity(rank), levels.orderCount(rank)));
            }
        }

        /**
         * Adds to the update the levels of the depth that are new or changed, and those that left it
         * (quantity 0); remembers the new side; says how many it added.
         */
        int diff(final BookLevels levels, final BookUpdate.Builder update, final boolean bid)
        {
            int changed = 0;
            final int newSize = Math.min(depth, levels.size());
            for (int rank = 0; rank < newSize; rank++)
            {
                final long price = levels.price(rank);
                if (sent.rankOf(price) < 0 || sent.quantityAt(price) != levels.quantity(rank) ||
                    sent.orderCountAt(price) != levels.orderCount(rank))
                {
                    add(update, bid, level(price, levels.quantity(rank), levels.orderCount(rank)));
                    changed++;
                }
            }
            for (int rank = 0; rank < sent.size(); rank++)
            {
                final int now = levels.rankOf(sent.price(rank));
                if (now < 0 || now >= newSize)
                {
                    add(update, bid, level(sent.price(rank), 0, 0));
                    changed++;
                }
            }
            if (changed > 0)
            {
                sent.clear();
                for (int rank = 0; rank < newSize; rank++)
                {
                    sent.set(levels.price(rank), levels.quantity(rank), levels.orderCount(rank));
                }
            }
            return changed;
        }

        private void add(final BookUpdate.Builder message, final boolean bid, final PriceLevel level)
        {
            if (bid)
            {
                message.addBids(level);
            }
            else
            {
                message.addAsks(level);
            }
        }
    }
}
