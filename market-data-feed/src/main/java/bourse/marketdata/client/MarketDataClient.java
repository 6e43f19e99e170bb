package bourse.marketdata.client;

import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataChannels;
import bourse.marketdata.MarketDataStreams;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;

import java.util.Objects;

/**
 * Subscribes to the feed's incremental and snapshot streams and keeps a current copy of every
 * instrument ({@link InstrumentBook}): it detects gaps by sequence number and recovers on its own from
 * the snapshot stream, and starts the same way when it joins mid-session (docs/market-data.md).
 * Listeners hear of changes conflated per poll ({@link MarketDataListener}).
 *
 * <p>Single-threaded: call {@link #poll()} in a loop on one thread (or run the client as an
 * {@link Agent}), and read books on that thread. Each poll takes up to the fragment limit from each
 * stream, applies it, then calls the listeners once per changed instrument. A consumer slower than the
 * feed therefore pays per instrument and poll rather than per message, and never builds a queue of its
 * own: the only backlog is Aeron's term buffer, drained by every poll. Keep polling the snapshot stream
 * even when current (this does): snapshot publications wait for no subscriber, but an IPC one would.
 */
public final class MarketDataClient implements Agent, AutoCloseable
{
    private final Context context;
    private final MediaDriver mediaDriver;
    private final Aeron aeron;
    private final boolean ownsAeron;
    private final Subscription incrementals;
    private final Subscription snapshots;
    private final LocalMarket market;
    private final FragmentHandler incrementalHandler;
    private final FragmentHandler snapshotHandler;
    private final int fragmentLimit;

    private MarketDataClient(final Context context)
    {
        this.context = context;
        MediaDriver driver = null;
        Aeron client = context.aeron();
        Subscription incrementalSubscription = null;
        try
        {
            if (client == null && context.embeddedMediaDriver())
            {
                driver = MediaDriver.launch(SmallMachineAeron.driverContext(
                    context.aeronDirectoryName(), true, context.livenessTimeoutNs()));
            }
            if (client == null)
            {
                client = Aeron.connect(SmallMachineAeron.clientContext(context.aeronDirectoryName(), context.livenessTimeoutNs())
                    .errorHandler(context.errorHandler()));
            }
            incrementalSubscription = client.addSubscription(
                MarketDataChannels.subscriptionChannel(context.streams().incrementalChannel()),
                context.streams().incrementalStreamId());
            snapshots = client.addSubscription(
                MarketDataChannels.subscriptionChannel(context.streams().snapshotChannel()),
                context.streams().snapshotStreamId());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(incrementalSubscription);
            if (context.aeron() == null)
            {
                CloseHelper.quietCloseAll(client, driver);
            }
            throw ex;
        }
        this.mediaDriver = driver;
        this.aeron = client;
        this.ownsAeron = context.aeron() == null;
        this.incrementals = incrementalSubscription;
        this.market = new LocalMarket(context.listener(), context.errorHandler(), context.maxQueuedBytes());
        this.incrementalHandler = new FragmentAssembler(
            (buffer, offset, length, header) -> market.onIncremental(buffer, offset, length, header.sessionId()));
        this.snapshotHandler = new FragmentAssembler(
            (buffer, offset, length, header) -> market.onSnapshot(buffer, offset, length, header.sessionId()));
        this.fragmentLimit = context.fragmentLimit();
    }

    /** Subscribes to the feed's streams, with its own Aeron client (and driver, if embedded) unless given one. */
    public static MarketDataClient connect(final Context context)
    {
        return new MarketDataClient(context.conclude());
    }

    public Context context()
    {
        return context;
    }

    /**
     * Takes what has arrived on both streams (incrementals first), applies it, and calls the listeners
     * once for each instrument that changed. Returns the fragments taken plus the instruments reported.
     */
    public int poll()
    {
        int work = incrementals.poll(incrementalHandler, fragmentLimit);
        work += snapshots.poll(snapshotHandler, fragmentLimit);
        return work + market.dispatch();
    }

    @Override
    public int doWork()
    {
        return poll();
    }

    @Override
    public String roleName()
    {
        return "bourse-market-data-client";
    }

    /** Whether both streams are connected to the feed. */
    public boolean isConnected()
    {
        return incrementals.isConnected() && snapshots.isConnected();
    }

    /** Whether every instrument the feed's snapshots announce is known and current. */
    public boolean isSynced()
    {
        return market.isSynced();
    }

    /** The book of an instrument, or null before anything of it arrived. */
    public InstrumentBook book(final int instrumentId)
    {
        return market.book(instrumentId);
    }

    /** The book of the instrument with this symbol, or null. Walks the books: not for a hot path. */
    public InstrumentBook book(final String symbol)
    {
        for (int i = 0; i < market.bookCount(); i++)
        {
            final InstrumentBook book = market.bookAt(i);
            if (book.symbol().equals(symbol))
            {
                return book;
            }
        }
        return null;
    }

    /** Instruments the client has heard of. */
    public int bookCount()
    {
        return market.bookCount();
    }

    /** The instrument at {@code index}, in the order the client heard of them. */
    public InstrumentBook bookAt(final int index)
    {
        return market.bookAt(index);
    }

    /** Incremental messages received. */
    public long incrementalsReceived()
    {
        return market.incrementalsReceived();
    }

    /** The channel sequence of the last incremental message received. */
    public long lastChannelSequence()
    {
        return market.lastChannelSequence();
    }

    /** Jumps in the incremental stream's channel sequence. */
    public long channelGaps()
    {
        return market.channelGaps();
    }

    /** Incremental messages the jumps skipped: every one this client never received. */
    public long missedIncrementals()
    {
        return market.missedIncrementals();
    }

    public long snapshotsReceived()
    {
        return market.snapshotsReceived();
    }

    /** Snapshots the snapshot stream's channel sequence shows were missed. */
    public long missedSnapshots()
    {
        return market.missedSnapshots();
    }

    /** Times a current book found a message of its instrument missing (by instrument sequence or checksum message). */
    public long instrumentGaps()
    {
        return market.instrumentGaps();
    }

    /** Times a snapshot (or a new instrument's definition) made a book current: first syncs and recoveries. */
    public long snapshotsApplied()
    {
        return market.snapshotsApplied();
    }

    /** Checksums (from checksum messages and snapshots) the client's books matched. */
    public long checksumsVerified()
    {
        return market.checksumsVerified();
    }

    /** Checksums a book did not match: the book was repaired from a snapshot. */
    public long checksumMismatches()
    {
        return market.checksumMismatches();
    }

    /** Times a book side known only to a snapshot's depth thinned below the checksum depth and was refreshed. */
    public long depthRefreshes()
    {
        return market.depthRefreshes();
    }

    /** Closes the subscriptions, and the Aeron client and embedded driver if the client made them. */
    @Override
    public void close()
    {
        if (ownsAeron)
        {
            CloseHelper.closeAll(aeron, mediaDriver);
        }
        else
        {
            CloseHelper.closeAll(incrementals, snapshots);
        }
    }

    @Override
    public void onClose()
    {
        close();
    }

    /**
     * Configuration of the client, Aeron style: fluent setters, defaults and validation in
     * {@link #conclude()}. Streams default to {@link MarketDataChannels}: give the feed's streams as the
     * feed is configured with them, or subscription channels of your own.
     */
    public static final class Context
    {
        private Aeron aeron;
        private String aeronDirectoryName;
        private boolean embeddedMediaDriver;
        private MarketDataStreams streams = new MarketDataStreams();
        private MarketDataListener listener = new MarketDataListener()
        {
        };
        private int fragmentLimit = 256;
        private int maxQueuedBytes = 4 * 1024 * 1024;
        private long livenessTimeoutNs = SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS;
        private ErrorHandler errorHandler = throwable -> throwable.printStackTrace(System.err);

        /**
         * Fills in defaults and checks everything; throws {@link IllegalArgumentException} naming what is
         * wrong.
         */
        public Context conclude()
        {
            if (aeron == null && aeronDirectoryName == null)
            {
                aeronDirectoryName = embeddedMediaDriver ?
                    SmallMachineAeron.uniqueAeronDirectoryName("md-client") : SmallMachineAeron.defaultAeronDirectoryName();
            }
            Objects.requireNonNull(streams, "streams").conclude();
            if (fragmentLimit < 1 || maxQueuedBytes < 1 || livenessTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("fragmentLimit, maxQueuedBytes and livenessTimeoutNs must be positive: " +
                    fragmentLimit + ", " + maxQueuedBytes + ", " + livenessTimeoutNs);
            }
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        /** An Aeron client to subscribe with (shared with the rest of the process); the client does not close it. */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        public Aeron aeron()
        {
            return aeron;
        }

        /** Without {@link #aeron(Aeron)}: the media driver's directory; Aeron's default unless embedded. */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        public String aeronDirectoryName()
        {
            return aeronDirectoryName;
        }

        /** Without {@link #aeron(Aeron)}: true to launch a media driver of the client's own (false by default). */
        public Context embeddedMediaDriver(final boolean embeddedMediaDriver)
        {
            this.embeddedMediaDriver = embeddedMediaDriver;
            return this;
        }

        public boolean embeddedMediaDriver()
        {
            return embeddedMediaDriver;
        }

        /** The feed's incremental and snapshot streams, as the feed publishes them or as subscription channels. */
        public Context streams(final MarketDataStreams streams)
        {
            this.streams = streams;
            return this;
        }

        public MarketDataStreams streams()
        {
            return streams;
        }

        /** Who hears of books, trades, tickers, candles, status changes and gaps. */
        public Context listener(final MarketDataListener listener)
        {
            this.listener = listener;
            return this;
        }

        public MarketDataListener listener()
        {
            return listener;
        }

        /** Most fragments taken from each stream per poll. */
        public Context fragmentLimit(final int fragmentLimit)
        {
            this.fragmentLimit = fragmentLimit;
            return this;
        }

        public int fragmentLimit()
        {
            return fragmentLimit;
        }

        /**
         * Bytes of messages one instrument may queue while it waits for a snapshot; beyond that the queue
         * is dropped and a later snapshot awaited.
         */
        public Context maxQueuedBytes(final int maxQueuedBytes)
        {
            this.maxQueuedBytes = maxQueuedBytes;
            return this;
        }

        public int maxQueuedBytes()
        {
            return maxQueuedBytes;
        }

        public Context livenessTimeoutNs(final long livenessTimeoutNs)
        {
            this.livenessTimeoutNs = livenessTimeoutNs;
            return this;
        }

        public long livenessTimeoutNs()
        {
            return livenessTimeoutNs;
        }

        /** Receives errors: the Aeron client's (when the client makes its own) and listeners' exceptions. */
        public Context errorHandler(final ErrorHandler errorHandler)
        {
            this.errorHandler = errorHandler;
            return this;
        }

        public ErrorHandler errorHandler()
        {
            return errorHandler;
        }
    }
}
