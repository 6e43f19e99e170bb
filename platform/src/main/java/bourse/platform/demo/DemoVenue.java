package bourse.platform.demo;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineEventAdapter;
import bourse.engine.client.EngineProxy;
import bourse.engine.journal.SyncPolicy;
import bourse.engine.service.EngineCounters;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.gateway.ApiKey;
import bourse.gateway.OrderGateway;
import bourse.marketdata.MarketDataStreams;
import bourse.marketdata.feed.MarketDataFeed;
import bourse.platform.view.MarketView;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The venue of {@code bourse run}: the engine service on its own thread (with an embedded media driver
 * unless it is given one), the market-data feed on another, deriving public market data from the
 * engine's events and publishing it on its own streams (where {@code bourse md} and any other client
 * find it), and the demo's simulated traders as one of the engine's Aeron clients. The traders
 * send commands through an {@link EngineProxy} and learn what happened from the event stream, as any
 * client does; the views of the market and of the traders' accounts are rebuilt from those events.
 * Engine, feed and traders are colocated, so commands and events are IPC; market data goes on the
 * feed's configured streams (by default UDP on loopback, for consumers in other processes).
 * <p>
 * With a gateway port, the gRPC order gateway serves the venue too, and the person watching gets an
 * account of their own ({@link #USER_ACCOUNT}, funded like the traders') with a new API key
 * ({@link #userApiKey()}) to trade through it.
 * <p>
 * The engine journals every command and event when given a data directory, and stamps commands with
 * the wall clock. The traders' decisions come from the seed and from the events they have seen when they
 * decide, so the order flow is not repeatable; what is repeatable is the journal: {@code bourse replay
 * verify} re-runs it and gets the same events and state.
 * <p>
 * {@link #step()}, {@link #pollEvents()} and the views belong to the thread that launched the venue.
 */
public final class DemoVenue implements AutoCloseable
{
    /** Source id of the simulated traders' commands. */
    public static final int TRADERS_SOURCE_ID = 1;
    /** The account of the person watching, who trades through the gateway. */
    public static final long USER_ACCOUNT = DemoMarket.USER_ACCOUNT;
    /** Engine and traders share a process: IPC for commands and for events. */
    static final String CHANNEL = "aeron:ipc";
    /** A snapshot every this many commands when journaling. */
    private static final long SNAPSHOT_EVERY_COMMANDS = 1_000_000;
    private static final int EVENT_FRAGMENT_LIMIT = 256;

    private final Context context;
    private final EngineService engine;
    private final MarketDataFeed feed;
    private final OrderGateway gateway;
    private final ApiKey userApiKey;
    private final Aeron aeron;
    private final Subscription events;
    private final TraderClient client;
    private final MarketView market = new MarketView();
    private final AccountsView accounts = new AccountsView(TRADERS_SOURCE_ID);
    private final FragmentAssembler eventHandler = new FragmentAssembler(new EngineEventAdapter(market, accounts));
    private final SimulatedTraders traders;
    private final IdleStrategy waitIdle = SmallMachineAeron.backoffIdleStrategy();

    private DemoVenue(final Context context)
    {
        this.context = context;
        if (context.dataDirectory != null)
        {
            requireNewOrEmpty(context.dataDirectory);
        }
        EngineService service = null;
        MarketDataFeed marketDataFeed = null;
        OrderGateway orderGateway = null;
        Aeron connection = null;
        try
        {
            service = EngineService.launch(new EngineService.Context()
                .aeronDirectoryName(context.aeronDirectoryName)
                .embeddedMediaDriver(context.aeronDirectoryName == null)
                .commandChannel(CHANNEL)
                .eventChannel(CHANNEL)
                .dataDirectory(context.dataDirectory)
                .syncPolicy(SyncPolicy.NONE)
                .snapshotEveryCommands(SNAPSHOT_EVERY_COMMANDS));
            final EngineService.Context engineContext = service.context();
            marketDataFeed = MarketDataFeed.launch(new MarketDataFeed.Context()
                .aeronDirectoryName(engineContext.aeronDirectoryName())
                .embeddedMediaDriver(false)
                .eventChannel(engineContext.eventChannel())
                .eventStreamId(engineContext.eventStreamId())
                .streams(context.marketDataStreams));
            if (context.gatewayPort >= 0)
            {
                // Before anything is set up: the gateway learns instruments and keys from the events.
                orderGateway = OrderGateway.launch(new OrderGateway.Context()
                    .aeronDirectoryName(engineContext.aeronDirectoryName())
                    .engineCommands(engineContext.commandChannel(), engineContext.commandStreamId())
                    .engineEvents(engineContext.eventChannel(), engineContext.eventStreamId())
                    .marketDataStreams(context.marketDataStreams)
                    .port(context.gatewayPort));
            }
            connection = Aeron.connect(SmallMachineAeron.clientContext(
                engineContext.aeronDirectoryName(), engineContext.livenessTimeoutNs()));
            events = connection.addSubscription(
                EngineChannels.eventSubscriptionChannel(engineContext.eventChannel()), engineContext.eventStreamId());
            final ExclusivePublication commands =
                connection.addExclusivePublication(engineContext.commandChannel(), engineContext.commandStreamId());
            final EngineProxy proxy = new EngineProxy(commands, TRADERS_SOURCE_ID, epochNanos(),
                EngineProxy.DEFAULT_MAX_ATTEMPTS, SmallMachineAeron.backoffIdleStrategy());
            // Events published before a subscription joins would never reach it: wait for every end.
            final MarketDataFeed startedFeed = marketDataFeed;
            final OrderGateway startedGateway = orderGateway;
            awaitUntil(() -> proxy.isConnected() && events.isConnected() && startedFeed.isConnectedToEngine() &&
                (startedGateway == null || startedGateway.isEngineConnected()),
                "the engine service, the market-data feed and the gateway to connect");
            client = new TraderClient(proxy);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(orderGateway, connection, marketDataFeed, service);
            throw ex;
        }
        engine = service;
        feed = marketDataFeed;
        gateway = orderGateway;
        aeron = connection;
        userApiKey = gateway == null ? null : ApiKey.generate(new SecureRandom());
        DemoMarket.setUp(client, userApiKey == null ? null : userApiKey.hash());
        awaitUntil(() -> accounts.lastSequence() >= DemoMarket.setUpCommandCount(userApiKey != null),
            "the engine to set up the demo market");
        traders = context.withTraders ?
            new SimulatedTraders(context.seed, DemoMarket.INSTRUMENTS, client, market, accounts) : null;
    }

    /** Starts the engine service, connects the traders to it and sets up the demo market. */
    public static DemoVenue launch(final Context context)
    {
        return new DemoVenue(context);
    }

    /** Whether {@link #step()} has an order flow to send. */
    public boolean hasTraders()
    {
        return traders != null;
    }

    /** Lets the simulated traders read the events that have arrived, then send their next command, if any. */
    public void step()
    {
        if (traders == null)
        {
            throw new IllegalStateException("a venue without traders has no order flow");
        }
        pollEvents();
        traders.step();
    }

    /** Brings the views up to date with the events that have arrived; returns how many fragments it read. */
    public int pollEvents()
    {
        return events.poll(eventHandler, EVENT_FRAGMENT_LIMIT);
    }

    /**
     * Polls events until every command sent so far has been answered, or {@code timeoutNs} has passed.
     *
     * @return whether every command was answered.
     */
    public boolean awaitAnswers(final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        waitIdle.reset();
        // The journal started empty, so the engine numbered the commands sent from 1 in order.
        while (accounts.lastSequence() < client.sent())
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            waitIdle.idle(pollEvents());
        }
        // The last command's events may span more than one message: take what has arrived with it.
        while (pollEvents() > 0)
        {
            Thread.onSpinWait();
        }
        return true;
    }

    /** Commands sent to the engine so far, set-up included. */
    public long commandsSent()
    {
        return client.sent();
    }

    /** Commands the traders could not send because the engine was back-pressured. */
    public long commandsBackPressured()
    {
        return client.backPressured();
    }

    /** The market rebuilt from engine events. */
    public MarketView market()
    {
        return market;
    }

    /** The traders' accounts as learned from engine events. */
    public AccountsView accounts()
    {
        return accounts;
    }

    /** The engine service's counters (also readable by {@code bourse stat} from the media driver). */
    public EngineCounters engineCounters()
    {
        return engine.counters();
    }

    /** The media driver's directory, where {@code bourse stat --aeron-dir} finds the counters. */
    public String aeronDirectoryName()
    {
        return engine.context().aeronDirectoryName();
    }

    /** The engine's command and event channel (their stream ids are the defaults), for other clients on the driver. */
    public String engineChannel()
    {
        return CHANNEL;
    }

    /** Where the feed publishes the market data. */
    public MarketDataStreams marketDataStreams()
    {
        return context.marketDataStreams;
    }

    /** The port the gRPC order gateway listens on (on loopback), or -1 when the venue has none. */
    public int gatewayPort()
    {
        return gateway == null ? -1 : gateway.port();
    }

    /** The API key of {@link #USER_ACCOUNT}, or null when the venue has no gateway. Show it once. */
    public ApiKey userApiKey()
    {
        return userApiKey;
    }

    /** Whether the venue runs its own media driver. */
    public boolean embeddedMediaDriver()
    {
        return engine.context().embeddedMediaDriver();
    }

    /**
     * Stops the gateway, disconnects the traders, stops the feed, then stops the engine service: every
     * command the engine applied is in its journal; commands still on their way were never acknowledged.
     */
    @Override
    public void close()
    {
        CloseHelper.closeAll(gateway, aeron, feed, engine);
    }

    private void awaitUntil(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + context.connectTimeoutNs;
        waitIdle.reset();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                throw new IllegalStateException("timed out after " +
                    TimeUnit.NANOSECONDS.toSeconds(context.connectTimeoutNs) + " s waiting for " + what);
            }
            waitIdle.idle(pollEvents());
        }
    }

    private static long epochNanos()
    {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    /** The demo numbers its commands from 1 and sets up its market anew: it cannot carry on someone else's journal. */
    private static void requireNewOrEmpty(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        try (Stream<Path> entries = Files.list(directory))
        {
            if (entries.findAny().isPresent())
            {
                throw new IllegalArgumentException("the data directory " + directory + " is not empty: give a new one");
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + directory, ex);
        }
    }

    /** How to launch a {@link DemoVenue}. */
    public static final class Context
    {
        private long seed = 42;
        private boolean withTraders = true;
        private Path dataDirectory;
        private String aeronDirectoryName;
        private MarketDataStreams marketDataStreams = new MarketDataStreams();
        private long connectTimeoutNs = TimeUnit.SECONDS.toNanos(10);
        private int gatewayPort = -1;

        /** Seeds the simulated traders' decisions. */
        public Context seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /** False for a quiet venue: instruments and funded accounts, no order flow. */
        public Context withTraders(final boolean withTraders)
        {
            this.withTraders = withTraders;
            return this;
        }

        /**
         * Where the engine journals every command and event and keeps snapshots ({@code bourse replay}
         * reads it); it must be new or empty. Null (the default): nothing on disk.
         */
        public Context dataDirectory(final Path dataDirectory)
        {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The directory of a media driver already running; null (the default) embeds one. */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        /** Where the feed publishes market data; by default {@link bourse.marketdata.MarketDataChannels}'. */
        public Context marketDataStreams(final MarketDataStreams marketDataStreams)
        {
            this.marketDataStreams = marketDataStreams;
            return this;
        }

        /**
         * Serves the venue through the gRPC order gateway on this loopback port (0: any free port), with an
         * account and API key for the person watching; -1 (the default): no gateway.
         */
        public Context gatewayPort(final int gatewayPort)
        {
            this.gatewayPort = gatewayPort;
            return this;
        }

        /** How long to wait for the engine to connect and to set up the market. */
        public Context connectTimeoutNs(final long connectTimeoutNs)
        {
            this.connectTimeoutNs = connectTimeoutNs;
            return this;
        }
    }
}
