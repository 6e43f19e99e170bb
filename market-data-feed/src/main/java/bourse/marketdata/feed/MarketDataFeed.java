package bourse.marketdata.feed;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.JournalCatchUp;
import bourse.engine.journal.DataDirectory;
import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.BookChecksum;
import bourse.marketdata.MarketDataChannels;
import bourse.marketdata.MarketDataStreams;
import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.CncFileDescriptor;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CountedErrorHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The market-data feed as a service: it subscribes to the engine's event stream, derives every
 * instrument's book, trades, 24-hour statistics and candles ({@link MarketState}), and publishes them
 * as an incremental stream and a cycling snapshot stream, SBE on Aeron, on one thread
 * ({@link FeedAgent} on an {@link AgentRunner}). Runs its own embedded media driver unless told to use
 * one already running (the engine's, when both share a process). docs/market-data.md describes the
 * streams, sequence numbers, recovery, checksum and back pressure.
 *
 * <p>The feed rebuilds books from the engine's events. Given the engine's data directory
 * ({@link Context#engineDataDirectory}) it first reads what the engine published before it started from
 * the output journal, so it may start at any time; without it, it must be subscribed before the engine
 * publishes its first event.
 */
public final class MarketDataFeed implements AutoCloseable
{
    private final Context context;
    private final MediaDriver mediaDriver;
    private final Aeron aeron;
    private final FeedCounters counters;
    private final Subscription eventSubscription;
    private final AgentRunner agentRunner;
    private final JournalCatchUp catchUp;

    private MarketDataFeed(final Context context)
    {
        this.context = context;
        MediaDriver driver = null;
        Aeron client = null;
        FeedCounters feedCounters = null;
        JournalCatchUp catchUp = null;
        try
        {
            if (context.embeddedMediaDriver())
            {
                driver = MediaDriver.launch(SmallMachineAeron.driverContext(
                    context.aeronDirectoryName(), true, context.livenessTimeoutNs()));
            }
            final CountedErrorHandler[] errorHandler = new CountedErrorHandler[1];
            // Aeron reports errors in poll handlers to its own handler: route them to the counted one too.
            client = Aeron.connect(SmallMachineAeron.clientContext(context.aeronDirectoryName(), context.livenessTimeoutNs())
                .errorHandler(throwable -> errorHandler[0].onError(throwable)));
            feedCounters = new FeedCounters(client);
            errorHandler[0] = new CountedErrorHandler(context.errorHandler(), feedCounters.errors());

            final ExclusivePublication incrementals =
                client.addExclusivePublication(context.streams().incrementalChannel(), context.streams().incrementalStreamId());
            final ExclusivePublication snapshots =
                client.addExclusivePublication(context.streams().snapshotChannel(), context.streams().snapshotStreamId());
            final MarketState market = new MarketState(new Outbox(),
                Math.min(incrementals.maxMessageLength(), snapshots.maxMessageLength()),
                context.checksumDepth(), errorHandler[0]);
            eventSubscription = client.addSubscription(
                EngineChannels.eventSubscriptionChannel(context.eventChannel()), context.eventStreamId());
            catchUp = context.engineDataDirectory() == null ? null :
                new JournalCatchUp(new DataDirectory(context.engineDataDirectory()).output(), market);
            if (catchUp != null)
            {
                // History is derived but not published: nobody subscribed to hear it, and snapshots carry its result.
                catchUp.catchUp((buffer, offset, length) ->
                {
                    market.onEvents(buffer, offset, length);
                    market.outbox().clear();
                });
                catchUp.releaseThread();
            }
            final FeedAgent agent = new FeedAgent(eventSubscription, catchUp == null ? market : catchUp,
                context.eventFragmentLimit(), market, incrementals, snapshots, context, feedCounters, errorHandler[0]);
            agentRunner = new AgentRunner(context.idleStrategy(), errorHandler[0], null, agent);
            AgentRunner.startOnThread(agentRunner);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(catchUp, feedCounters, client, driver);
            throw ex;
        }
        this.mediaDriver = driver;
        this.aeron = client;
        this.counters = feedCounters;
        this.catchUp = catchUp;
    }

    /** Starts the feed: its media driver (if embedded), its Aeron client and the feed thread. */
    public static MarketDataFeed launch(final Context context)
    {
        return new MarketDataFeed(context.conclude());
    }

    public Context context()
    {
        return context;
    }

    /** The feed's counters, readable from any thread. */
    public FeedCounters counters()
    {
        return counters;
    }

    /** Whether the engine's event stream reaches the feed: until it does, the engine has no consumer and waits. */
    public boolean isConnectedToEngine()
    {
        return eventSubscription.isConnected();
    }

    /** Stops the feed thread, then closes the Aeron client and the embedded driver, which deletes its directory. */
    @Override
    public void close()
    {
        CloseHelper.closeAll(agentRunner, catchUp, counters, aeron, mediaDriver);
    }

    /**
     * Configuration of the feed, Aeron style: fluent setters, defaults and validation in
     * {@link #conclude()}. The engine's channel defaults to {@link EngineChannels}, the feed's own to
     * {@link MarketDataChannels}.
     */
    public static final class Context
    {
        private String aeronDirectoryName;
        private boolean embeddedMediaDriver = true;
        private String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;
        private int eventStreamId = EngineChannels.DEFAULT_EVENT_STREAM_ID;
        private MarketDataStreams streams = new MarketDataStreams();
        private int snapshotDepth = 1_000;
        private int checksumDepth = BookChecksum.DEFAULT_DEPTH;
        private long snapshotIntervalNs = TimeUnit.MILLISECONDS.toNanos(500);
        private long checksumIntervalNs = TimeUnit.SECONDS.toNanos(1);
        private int maxPendingBytes = 8 * 1024 * 1024;
        private int eventFragmentLimit = 64;
        private Path engineDataDirectory;
        private IdleStrategy idleStrategy;
        private long livenessTimeoutNs = SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS;
        private EpochNanoClock clock = new SystemEpochNanoClock();
        private ErrorHandler errorHandler = throwable -> throwable.printStackTrace(System.err);

        /**
         * Fills in defaults and checks everything; throws {@link IllegalArgumentException} or
         * {@link IllegalStateException} naming what is wrong.
         */
        public Context conclude()
        {
            if (aeronDirectoryName == null)
            {
                aeronDirectoryName = embeddedMediaDriver ?
                    SmallMachineAeron.uniqueAeronDirectoryName("feed") : SmallMachineAeron.defaultAeronDirectoryName();
            }
            if (!embeddedMediaDriver && !new File(aeronDirectoryName, CncFileDescriptor.CNC_FILE).exists())
            {
                throw new IllegalStateException(
                    "no media driver runs on " + aeronDirectoryName + ": start one (bourse media-driver) or embed one");
            }
            ChannelUri.parse(Objects.requireNonNull(eventChannel, "eventChannel"));
            Objects.requireNonNull(streams, "streams").conclude();
            if (checksumDepth < 1)
            {
                throw new IllegalArgumentException("checksumDepth must be positive: " + checksumDepth);
            }
            if (snapshotDepth < checksumDepth)
            {
                throw new IllegalArgumentException("snapshotDepth " + snapshotDepth +
                    " must cover the checksum depth " + checksumDepth + ", or clients cannot check their books");
            }
            if (snapshotIntervalNs <= 0 || checksumIntervalNs <= 0)
            {
                throw new IllegalArgumentException("snapshot and checksum intervals must be positive: " +
                    snapshotIntervalNs + " ns, " + checksumIntervalNs + " ns");
            }
            if (maxPendingBytes < 1 || eventFragmentLimit < 1 || livenessTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("maxPendingBytes, eventFragmentLimit and livenessTimeoutNs must be " +
                    "positive: " + maxPendingBytes + ", " + eventFragmentLimit + ", " + livenessTimeoutNs);
            }
            if (idleStrategy == null)
            {
                idleStrategy = SmallMachineAeron.backoffIdleStrategy();
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        /** The media driver's directory; by default a fresh one when embedded, Aeron's default when external. */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        public String aeronDirectoryName()
        {
            return aeronDirectoryName;
        }

        /** True (the default) to launch a media driver in this process; false to use one already running. */
        public Context embeddedMediaDriver(final boolean embeddedMediaDriver)
        {
            this.embeddedMediaDriver = embeddedMediaDriver;
            return this;
        }

        public boolean embeddedMediaDriver()
        {
            return embeddedMediaDriver;
        }

        /** The engine's event channel, as the engine publishes on it. */
        public Context eventChannel(final String eventChannel)
        {
            this.eventChannel = eventChannel;
            return this;
        }

        public String eventChannel()
        {
            return eventChannel;
        }

        public Context eventStreamId(final int eventStreamId)
        {
            this.eventStreamId = eventStreamId;
            return this;
        }

        public int eventStreamId()
        {
            return eventStreamId;
        }

        /**
         * The engine's data directory ({@code EngineService.Context.dataDirectory}), on this machine: the
         * feed derives its books and statistics from the output journal in it at start, so it may start
         * after the engine, and fills any gap in the event stream from it. Null (the default): the feed
         * knows only what it sees published after it started.
         */
        public Context engineDataDirectory(final Path engineDataDirectory)
        {
            this.engineDataDirectory = engineDataDirectory;
            return this;
        }

        public Path engineDataDirectory()
        {
            return engineDataDirectory;
        }

        /** Where the incremental and snapshot streams are published. */
        public Context streams(final MarketDataStreams streams)
        {
            this.streams = streams;
            return this;
        }

        public MarketDataStreams streams()
        {
            return streams;
        }

        /** Levels per side in a snapshot (fewer if a message cannot hold them); at least the checksum depth. */
        public Context snapshotDepth(final int snapshotDepth)
        {
            this.snapshotDepth = snapshotDepth;
            return this;
        }

        public int snapshotDepth()
        {
            return snapshotDepth;
        }

        /** Levels per side a book checksum covers. */
        public Context checksumDepth(final int checksumDepth)
        {
            this.checksumDepth = checksumDepth;
            return this;
        }

        public int checksumDepth()
        {
            return checksumDepth;
        }

        /** How often a snapshot cycle over every instrument starts: a recovering client waits up to about this long. */
        public Context snapshotIntervalNs(final long snapshotIntervalNs)
        {
            this.snapshotIntervalNs = snapshotIntervalNs;
            return this;
        }

        public long snapshotIntervalNs()
        {
            return snapshotIntervalNs;
        }

        /** How often every instrument's book checksum goes out on the incremental stream. */
        public Context checksumIntervalNs(final long checksumIntervalNs)
        {
            this.checksumIntervalNs = checksumIntervalNs;
            return this;
        }

        public long checksumIntervalNs()
        {
            return checksumIntervalNs;
        }

        /** Incremental bytes that may wait for a back-pressured publication before the feed stops taking engine events. */
        public Context maxPendingBytes(final int maxPendingBytes)
        {
            this.maxPendingBytes = maxPendingBytes;
            return this;
        }

        public int maxPendingBytes()
        {
            return maxPendingBytes;
        }

        /** Most engine event fragments taken per duty cycle. */
        public Context eventFragmentLimit(final int eventFragmentLimit)
        {
            this.eventFragmentLimit = eventFragmentLimit;
            return this;
        }

        public int eventFragmentLimit()
        {
            return eventFragmentLimit;
        }

        /** How the feed thread waits when idle; backoff by default. */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        public IdleStrategy idleStrategy()
        {
            return idleStrategy;
        }

        /** Client and driver liveness timeouts. */
        public Context livenessTimeoutNs(final long livenessTimeoutNs)
        {
            this.livenessTimeoutNs = livenessTimeoutNs;
            return this;
        }

        public long livenessTimeoutNs()
        {
            return livenessTimeoutNs;
        }

        /** The feed's clock: timers, and the 24-hour window on a quiet market. Read once per duty cycle. */
        public Context clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        public EpochNanoClock clock()
        {
            return clock;
        }

        /** Receives errors of the feed thread and the Aeron client; each is also counted. */
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
