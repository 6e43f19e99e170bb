package bourse.gateway;

import bourse.engine.client.EngineChannels;
import bourse.engine.client.EngineProxy;
import bourse.engine.journal.DataDirectory;
import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataStreams;
import bourse.marketdata.client.MarketDataClient;
import io.aeron.Aeron;
import io.aeron.CncFileDescriptor;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CountedErrorHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC order gateway (docs/gateway.md): the {@code bourse.v1} services on a gRPC server, turned into
 * engine commands over Aeron by one agent thread, market data from the feed's client library, with API-key authentication, a rate limit per key,
 * idempotent submits, cancel-on-disconnect sessions, flow-controlled streams, the health service and
 * server reflection.
 * <pre>{@code
 * OrderGateway gateway = OrderGateway.launch(new OrderGateway.Context()
 *     .aeronDirectoryName(engine.context().aeronDirectoryName())
 *     .engineCommands(engine.context().commandChannel(), engine.context().commandStreamId())
 *     .engineEvents(engine.context().eventChannel(), engine.context().eventStreamId())
 *     .port(9090));
 * }</pre>
 * The gateway learns accounts' API keys, instruments and orders from the engine's events. Given the engine's
 * data directory ({@link Context#engineDataDirectory}), it first reads what the engine published before it
 * started from the output journal, so it may start at any time; without it, it must start before the engine
 * publishes anything it must know.
 */
public final class OrderGateway implements AutoCloseable
{
    /** The services besides health and reflection, as their health is reported. */
    private static final String[] SERVICES = {"", "bourse.v1.Orders", "bourse.v1.MarketData"};

    private final Context context;
    private final Aeron aeron;
    private final GatewayAgent agent;
    private final AgentRunner agentRunner;
    private final Server server;
    private final MarketDataClient marketData;
    private final GatewayCounters counters;
    private final ApiKeyTable apiKeys = new ApiKeyTable();

    private OrderGateway(final Context context)
    {
        this.context = context;
        Aeron client = null;
        AgentRunner runner = null;
        Server grpcServer = null;
        MarketDataClient marketDataClient = null;
        GatewayCounters gatewayCounters = null;
        try
        {
            client = context.aeron() != null ? context.aeron() : Aeron.connect(
                SmallMachineAeron.clientContext(context.aeronDirectoryName(), context.livenessTimeoutNs()));
            gatewayCounters = new GatewayCounters(client);
            final ErrorHandler errorHandler = new CountedErrorHandler(context.errorHandler(), gatewayCounters.errors());
            final ExclusivePublication commands =
                client.addExclusivePublication(context.commandChannel(), context.commandStreamId());
            final Subscription events = client.addSubscription(
                EngineChannels.eventSubscriptionChannel(context.eventChannel()), context.eventStreamId());
            // One attempt per send: a back-pressured command is tried again on the agent's next cycle, after
            // it has read the events that relieve the pressure, rather than by spinning here.
            final EngineProxy proxy = new EngineProxy(commands, context.sourceId(),
                TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()), 1, NoOpIdleStrategy.INSTANCE);

            final InstrumentCatalog catalog = new InstrumentCatalog();
            final OrderRouter router = new OrderRouter(context.sourceId(), proxy, context.clock(), catalog, apiKeys,
                context.retainFinishedOrders());
            final HealthStatusManager health = new HealthStatusManager();
            for (final String service : SERVICES)
            {
                health.setStatus(service, ServingStatus.NOT_SERVING);
            }
            MarketDataFanout fanout = null;
            if (context.marketDataStreams() != null)
            {
                fanout = new MarketDataFanout(catalog);
                marketDataClient = MarketDataClient.connect(new MarketDataClient.Context()
                    .aeron(client)
                    .streams(context.marketDataStreams())
                    .listener(fanout)
                    .errorHandler(errorHandler));
                fanout.client(marketDataClient);
            }
            agent = new GatewayAgent(events, proxy, router,
                context.engineDataDirectory() == null ? null : new DataDirectory(context.engineDataDirectory()).output(),
                gatewayCounters, context.clock(), context.requestQueueCapacity(),
                fanout == null ? null : fanout::poll,
                connected ->
                {
                    for (final String service : SERVICES)
                    {
                        health.setStatus(service, connected ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
                    }
                });
            agent.catchUp();
            final Intake intake = new Intake(catalog, router.reports(), agent,
                new RateLimiter(context.clock(), context.rateLimitPerSecond(), context.rateLimitBurst()),
                context.clock(), context.sendTimeoutNs());
            final AuthInterceptor auth = new AuthInterceptor(apiKeys);
            // Listed before auth, so runs after it: it counts the streams of the account auth found.
            final StreamLimit streamLimit = new StreamLimit(context.maxStreamsPerAccount());

            grpcServer = NettyServerBuilder
                .forAddress(new InetSocketAddress(context.bindAddress(), context.port()), context.serverCredentials())
                .intercept(new CallCounting(gatewayCounters))
                .addService(ServerInterceptors.intercept(
                    new OrdersService(intake, context.streamBufferCapacity(), context.maxBatchSize()), streamLimit, auth))
                .addService(ServerInterceptors.intercept(
                    new MarketDataService(intake, fanout, context.streamBufferCapacity()), streamLimit, auth))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .build()
                .start();
            runner = new AgentRunner(new AwaitingEngineIdleStrategy(context.idleStrategy(), agent::awaitsEngine, context.clock()),
                errorHandler, null, agent);
            AgentRunner.startOnThread(runner);
        }
        catch (final IOException ex)
        {
            closeQuietly(grpcServer, runner, marketDataClient, gatewayCounters, context.aeron() == null ? client : null);
            throw new UncheckedIOException("cannot start the gRPC server on " + context.bindAddress() + ":" + context.port(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(grpcServer, runner, marketDataClient, gatewayCounters, context.aeron() == null ? client : null);
            throw ex;
        }
        this.aeron = client;
        this.agentRunner = runner;
        this.server = grpcServer;
        this.marketData = marketDataClient;
        this.counters = gatewayCounters;
    }

    /** Connects to the engine's streams, starts the agent thread and the gRPC server. */
    public static OrderGateway launch(final Context context)
    {
        return new OrderGateway(context.conclude());
    }

    public Context context()
    {
        return context;
    }

    /** The port the server listens on: the configured one, or the one the system chose for port 0. */
    public int port()
    {
        return server.getPort();
    }

    /** Whether an engine takes the gateway's commands and its events arrive; until then commands are refused. */
    public boolean isEngineConnected()
    {
        return agent.isConnected();
    }

    /** The gateway's counters, readable from any thread (and from the media driver's CnC file). */
    public GatewayCounters counters()
    {
        return counters;
    }

    /** How many API keys the gateway has learned from the engine's events. */
    public int apiKeyCount()
    {
        return apiKeys.size();
    }

    /**
     * Stops taking calls (those in progress are cancelled), then stops the agent thread, then closes the
     * market-data client and the Aeron client unless it was given.
     */
    @Override
    public void close()
    {
        closeQuietly(server, agentRunner, marketData, counters, context.aeron() == null ? aeron : null);
    }

    private static void closeQuietly(
        final Server server,
        final AgentRunner runner,
        final MarketDataClient marketData,
        final GatewayCounters counters,
        final Aeron ownedAeron)
    {
        if (server != null)
        {
            server.shutdownNow();
            try
            {
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        CloseHelper.quietCloseAll(runner, marketData, counters, ownedAeron);
    }

    /**
     * Configuration of a gateway, Aeron style: fluent setters, defaults and checks in {@link #conclude()}.
     * Engine channels and stream ids default to {@link EngineChannels}.
     */
    public static final class Context
    {
        public static final int DEFAULT_PORT = 9090;
        /** Gateways take source ids from 100, so that they do not collide with the demo traders' (1). */
        public static final int DEFAULT_SOURCE_ID = 100;

        private String aeronDirectoryName;
        private Aeron aeron;
        private String commandChannel = EngineChannels.DEFAULT_COMMAND_CHANNEL;
        private int commandStreamId = EngineChannels.DEFAULT_COMMAND_STREAM_ID;
        private String eventChannel = EngineChannels.DEFAULT_EVENT_CHANNEL;
        private int eventStreamId = EngineChannels.DEFAULT_EVENT_STREAM_ID;
        private int sourceId = DEFAULT_SOURCE_ID;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private File tlsCertificateChain;
        private File tlsPrivateKey;
        private int rateLimitPerSecond = 1_000;
        private int rateLimitBurst = 100;
        private int requestQueueCapacity = 4_096;
        private int streamBufferCapacity = 1_024;
        private int maxBatchSize = 1_000;
        private int maxStreamsPerAccount = 64;
        private int retainFinishedOrders = 100_000;
        private long sendTimeoutNs = TimeUnit.SECONDS.toNanos(10);
        private MarketDataStreams marketDataStreams;
        private Path engineDataDirectory;
        private long livenessTimeoutNs = SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS;
        private IdleStrategy idleStrategy;
        private NanoClock clock = new SystemNanoClock();
        private ErrorHandler errorHandler = throwable -> throwable.printStackTrace(System.err);

        /**
         * Fills in defaults and checks everything; throws {@link IllegalArgumentException} or
         * {@link IllegalStateException} naming what is wrong.
         */
        public Context conclude()
        {
            if (aeron == null)
            {
                if (aeronDirectoryName == null)
                {
                    aeronDirectoryName = SmallMachineAeron.defaultAeronDirectoryName();
                }
                if (!new File(aeronDirectoryName, CncFileDescriptor.CNC_FILE).exists())
                {
                    throw new IllegalStateException("no media driver runs on " + aeronDirectoryName +
                        ": start the engine or a media driver first, or give an Aeron client");
                }
            }
            Objects.requireNonNull(commandChannel, "commandChannel");
            Objects.requireNonNull(eventChannel, "eventChannel");
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (port < 0 || port > 65_535)
            {
                throw new IllegalArgumentException("port must be in [0, 65535] (0: any free port): " + port);
            }
            if ((tlsCertificateChain == null) != (tlsPrivateKey == null))
            {
                throw new IllegalArgumentException("TLS needs both a certificate chain and a private key");
            }
            for (final File file : new File[]{tlsCertificateChain, tlsPrivateKey})
            {
                if (file != null && !file.canRead())
                {
                    throw new IllegalArgumentException("cannot read " + file);
                }
            }
            positive(rateLimitPerSecond, "rateLimitPerSecond");
            positive(rateLimitBurst, "rateLimitBurst");
            positive(requestQueueCapacity, "requestQueueCapacity");
            positive(streamBufferCapacity, "streamBufferCapacity");
            positive(maxBatchSize, "maxBatchSize");
            positive(maxStreamsPerAccount, "maxStreamsPerAccount");
            positive(retainFinishedOrders, "retainFinishedOrders");
            if (sendTimeoutNs <= 0 || livenessTimeoutNs <= 0)
            {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (idleStrategy == null)
            {
                idleStrategy = SmallMachineAeron.backoffIdleStrategy();
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(errorHandler, "errorHandler");
            return this;
        }

        private static void positive(final int value, final String name)
        {
            if (value < 1)
            {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
        }

        /** The media driver's directory (the engine's, when it embeds one); Aeron's default otherwise. */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        public String aeronDirectoryName()
        {
            return aeronDirectoryName;
        }

        /** An Aeron client to use instead of connecting one; the gateway does not close it. */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        public Aeron aeron()
        {
            return aeron;
        }

        /** Where the engine takes commands: its command channel and stream id. */
        public Context engineCommands(final String channel, final int streamId)
        {
            this.commandChannel = channel;
            this.commandStreamId = streamId;
            return this;
        }

        /** Where the engine publishes events: its event channel and stream id (the gateway subscribes with its own endpoint). */
        public Context engineEvents(final String channel, final int streamId)
        {
            this.eventChannel = channel;
            this.eventStreamId = streamId;
            return this;
        }

        public String commandChannel()
        {
            return commandChannel;
        }

        public int commandStreamId()
        {
            return commandStreamId;
        }

        public String eventChannel()
        {
            return eventChannel;
        }

        public int eventStreamId()
        {
            return eventStreamId;
        }

        /** The gateway's source id on the engine: unique among the engine's clients (gateways from 100). */
        public Context sourceId(final int sourceId)
        {
            this.sourceId = sourceId;
            return this;
        }

        public int sourceId()
        {
            return sourceId;
        }

        /** The address the gRPC server listens on: loopback by default. */
        public Context bindAddress(final InetAddress bindAddress)
        {
            this.bindAddress = bindAddress;
            return this;
        }

        public InetAddress bindAddress()
        {
            return bindAddress;
        }

        /** The gRPC port, 9090 by default; 0 for any free port ({@link OrderGateway#port()} tells which). */
        public Context port(final int port)
        {
            this.port = port;
            return this;
        }

        public int port()
        {
            return port;
        }

        /** TLS from a PEM certificate chain and PEM private key (PKCS#8); without them, plaintext. */
        public Context tls(final File certificateChain, final File privateKey)
        {
            this.tlsCertificateChain = certificateChain;
            this.tlsPrivateKey = privateKey;
            return this;
        }

        public boolean tls()
        {
            return tlsCertificateChain != null;
        }

        ServerCredentials serverCredentials() throws IOException
        {
            return tlsCertificateChain == null ? InsecureServerCredentials.create() :
                TlsServerCredentials.create(tlsCertificateChain, tlsPrivateKey);
        }

        /** Commands (submits, cancels, replaces, cancel-alls, batch orders) per second per API key, on average. */
        public Context rateLimitPerSecond(final int rateLimitPerSecond)
        {
            this.rateLimitPerSecond = rateLimitPerSecond;
            return this;
        }

        public int rateLimitPerSecond()
        {
            return rateLimitPerSecond;
        }

        /** Commands an API key may send at once after a quiet spell. */
        public Context rateLimitBurst(final int rateLimitBurst)
        {
            this.rateLimitBurst = rateLimitBurst;
            return this;
        }

        public int rateLimitBurst()
        {
            return rateLimitBurst;
        }

        /** Requests that may wait for the agent; beyond, calls are refused with UNAVAILABLE. */
        public Context requestQueueCapacity(final int requestQueueCapacity)
        {
            this.requestQueueCapacity = requestQueueCapacity;
            return this;
        }

        public int requestQueueCapacity()
        {
            return requestQueueCapacity;
        }

        /** Messages that may wait for a slow reader, per stream, before its overflow policy applies. */
        public Context streamBufferCapacity(final int streamBufferCapacity)
        {
            this.streamBufferCapacity = streamBufferCapacity;
            return this;
        }

        public int streamBufferCapacity()
        {
            return streamBufferCapacity;
        }

        /** Orders one SubmitBatch may hold. */
        public Context maxBatchSize(final int maxBatchSize)
        {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        public int maxBatchSize()
        {
            return maxBatchSize;
        }

        /**
         * Streams (sessions, execution and market-data streams, batches) an account may have open at once;
         * beyond, RESOURCE_EXHAUSTED. 64 by default.
         */
        public Context maxStreamsPerAccount(final int maxStreamsPerAccount)
        {
            this.maxStreamsPerAccount = maxStreamsPerAccount;
            return this;
        }

        public int maxStreamsPerAccount()
        {
            return maxStreamsPerAccount;
        }

        /**
         * Finished orders (filled, cancelled, rejected) remembered for GetOrder and idempotent retries; the
         * oldest are forgotten first. Open orders are always remembered.
         */
        public Context retainFinishedOrders(final int retainFinishedOrders)
        {
            this.retainFinishedOrders = retainFinishedOrders;
            return this;
        }

        public int retainFinishedOrders()
        {
            return retainFinishedOrders;
        }

        /**
         * Where the market-data feed publishes ({@code MarketDataFeed.Context.streams}): the MarketData
         * service serves its books, trades and tickers. Null (the default): no feed, and MarketData calls
         * are UNAVAILABLE.
         */
        public Context marketDataStreams(final MarketDataStreams marketDataStreams)
        {
            this.marketDataStreams = marketDataStreams;
            return this;
        }

        public MarketDataStreams marketDataStreams()
        {
            return marketDataStreams;
        }

        /**
         * The engine's data directory ({@code EngineService.Context.dataDirectory}), on this machine: the
         * gateway reads the output journal in it at start, so it knows the API keys, instruments and orders
         * of everything the engine did before, and fills any gap in the event stream from it. Null (the
         * default): the gateway knows only what it sees published after it started.
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

        /** How long a command of a call without a deadline may wait to be sent (10 s by default). */
        public Context sendTimeoutNs(final long sendTimeoutNs)
        {
            this.sendTimeoutNs = sendTimeoutNs;
            return this;
        }

        public long sendTimeoutNs()
        {
            return sendTimeoutNs;
        }

        /** Aeron client liveness timeout, when the gateway connects its own client. */
        public Context livenessTimeoutNs(final long livenessTimeoutNs)
        {
            this.livenessTimeoutNs = livenessTimeoutNs;
            return this;
        }

        public long livenessTimeoutNs()
        {
            return livenessTimeoutNs;
        }

        /** How the agent thread waits when idle; backoff by default. */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        public IdleStrategy idleStrategy()
        {
            return idleStrategy;
        }

        /** The clock of deadlines, heartbeats and rate limits. */
        public Context clock(final NanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        public NanoClock clock()
        {
            return clock;
        }

        /** Receives the agent thread's errors. */
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
