package bourse.gateway;

import bourse.engine.client.EngineProxy;
import bourse.engine.client.SendResult;
import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import bourse.marketdata.MarketDataStreams;
import bourse.marketdata.feed.MarketDataFeed;
import bourse.sbe.StpMode;
import bourse.v1.ExecutionReport;
import bourse.v1.OrderType;
import bourse.v1.Side;
import bourse.v1.SubmitOrderRequest;
import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real venue for the gateway's tests: the engine service on its own embedded media driver (IPC streams),
 * the market-data feed beside it, an {@link OrderGateway} on an ephemeral loopback port, and an admin client that sets up two instruments
 * and opens funded accounts with API keys through the engine's own commands. Tests talk to the gateway
 * with real grpc-java stubs over plaintext HTTP/2.
 * <p>
 * BTC-USD: price in cents per BTC (price scale 2), tick 1.00, lot 0.01 BTC, 0.01 to 10 BTC, band 10 %
 * around 30000.00, fees 0.1 % maker and 0.2 % taker. ETH-USD: tick 0.10, lot 0.1 ETH, around 2000.00.
 */
final class Venue implements AutoCloseable
{
    static final String BTC_USD = "BTC-USD";
    static final String ETH_USD = "ETH-USD";
    static final int BTC = 1;
    static final int USD = 2;
    static final int ETH = 3;
    static final int ADMIN_SOURCE_ID = 1;
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final EngineService engine;
    final MarketDataFeed feed;
    final OrderGateway gateway;
    /** The media driver everyone shares when the engine must be stopped alone; else the engine embeds it. */
    private final MediaDriver driver;
    final ManagedChannel channel;
    private final EngineGate gate = new EngineGate();
    private final Aeron admin;
    private final EngineProxy adminProxy;
    private final AtomicLong lastAccountId = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private boolean engineStopped;

    private Venue(final boolean sharedDriver, final Path dataDirectory, final Consumer<OrderGateway.Context> configure)
    {
        driver = sharedDriver ? MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("gateway-test"), true, SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS)) :
            null;
        engine = EngineService.launch(new EngineService.Context()
            .embeddedMediaDriver(!sharedDriver)
            .aeronDirectoryName(sharedDriver ? driver.aeronDirectoryName() : null)
            .commandChannel("aeron:ipc?term-length=4m")
            .eventChannel("aeron:ipc?term-length=4m")
            .dataDirectory(dataDirectory)
            .clock(gate));
        final EngineService.Context engineContext = engine.context();
        final MarketDataStreams marketData = new MarketDataStreams()
            .incremental("aeron:ipc?term-length=4m", 2001)
            .snapshot("aeron:ipc?term-length=4m", 2002);
        feed = MarketDataFeed.launch(new MarketDataFeed.Context()
            .aeronDirectoryName(engineContext.aeronDirectoryName())
            .embeddedMediaDriver(false)
            .eventChannel(engineContext.eventChannel())
            .eventStreamId(engineContext.eventStreamId())
            .streams(marketData));
        final OrderGateway.Context gatewayContext = new OrderGateway.Context()
            .marketDataStreams(marketData)
            .aeronDirectoryName(engineContext.aeronDirectoryName())
            .engineCommands(engineContext.commandChannel(), engineContext.commandStreamId())
            .engineEvents(engineContext.eventChannel(), engineContext.eventStreamId())
            .port(0)
            .rateLimitPerSecond(1_000_000)
            .rateLimitBurst(1_000_000);
        configure.accept(gatewayContext);
        gateway = OrderGateway.launch(gatewayContext);
        admin = Aeron.connect(SmallMachineAeron.clientContext(engineContext.aeronDirectoryName(), engineContext.livenessTimeoutNs()));
        adminProxy = new EngineProxy(admin.addExclusivePublication(engineContext.commandChannel(), engineContext.commandStreamId()),
            ADMIN_SOURCE_ID, 0, EngineProxy.DEFAULT_MAX_ATTEMPTS, new YieldingIdleStrategy());
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
        eventually("the gateway, the feed and the admin to connect to the engine",
            () -> gateway.isEngineConnected() && feed.isConnectedToEngine() && adminProxy.isConnected());
        send(id -> adminProxy.addAsset(id, BTC, "BTC", 8));
        send(id -> adminProxy.addAsset(id, USD, "USD", 2));
        send(id -> adminProxy.addAsset(id, ETH, "ETH", 8));
        send(id -> adminProxy.addInstrument(id, 1, BTC_USD, BTC, USD, 2, 100, 1_000_000, 1_000_000, 1_000_000_000,
            1_000, 1_000, 2_000, 3_000_000));
        send(id -> adminProxy.addInstrument(id, 2, ETH_USD, ETH, USD, 2, 10, 10_000_000, 10_000_000, 100_000_000_000L,
            1_000, 1_000, 2_000, 200_000));
    }

    static Venue start()
    {
        return start(context ->
        {
        });
    }

    /** A venue whose gateway is configured by {@code configure} after the venue's own settings. */
    static Venue start(final Consumer<OrderGateway.Context> configure)
    {
        return new Venue(false, null, configure);
    }

    /** A venue whose engine journals to {@code dataDirectory}, so that a gateway can start after it ({@link #gateway}). */
    static Venue startJournaled(final Path dataDirectory)
    {
        return new Venue(false, dataDirectory, context ->
        {
        });
    }

    /** A venue on a media driver of its own, so that {@link #stopEngine()} stops the engine and nothing else. */
    static Venue startOnSharedDriver()
    {
        return new Venue(true, null, context ->
        {
        });
    }

    /**
     * Another gateway on the engine, started now, with its own source id and port; configured by
     * {@code configure} after the venue's own settings. The caller closes it.
     */
    OrderGateway gateway(final int sourceId, final Consumer<OrderGateway.Context> configure)
    {
        final EngineService.Context engineContext = engine.context();
        final OrderGateway.Context context = new OrderGateway.Context()
            .aeronDirectoryName(engineContext.aeronDirectoryName())
            .engineCommands(engineContext.commandChannel(), engineContext.commandStreamId())
            .engineEvents(engineContext.eventChannel(), engineContext.eventStreamId())
            .sourceId(sourceId)
            .port(0);
        configure.accept(context);
        return OrderGateway.launch(context);
    }

    /** Stops the engine service, as a crash would: the gateway and its clients stay. */
    void stopEngine()
    {
        engine.close();
        engineStopped = true;
    }

    /**
     * A new account with 1,000,000.00 USD, 100 BTC and 1,000 ETH, and an API key the gateway knows by the
     * time this returns.
     */
    Trader trader()
    {
        final long accountId = lastAccountId.incrementAndGet();
        final ApiKey key = ApiKey.generate(random);
        final int keysBefore = gateway.apiKeyCount();
        send(id -> adminProxy.createAccount(id, accountId, StpMode.CANCEL_NEWEST));
        send(id -> adminProxy.deposit(id, accountId, USD, 100_000_000));
        send(id -> adminProxy.deposit(id, accountId, BTC, 100L * 100_000_000));
        send(id -> adminProxy.deposit(id, accountId, ETH, 1_000L * 100_000_000));
        send(id -> adminProxy.createApiKey(id, accountId, key.hash()));
        eventually("the gateway to learn the new API key", () -> gateway.apiKeyCount() > keysBefore);
        return new Trader(accountId, key, channel);
    }

    /** One more key for the account, known to the gateway by the time this returns. */
    ApiKey newApiKey(final long accountId)
    {
        final ApiKey key = ApiKey.generate(random);
        final int keysBefore = gateway.apiKeyCount();
        send(id -> adminProxy.createApiKey(id, accountId, key.hash()));
        eventually("the gateway to learn the new API key", () -> gateway.apiKeyCount() > keysBefore);
        return key;
    }

    /** Revokes the account's key; the gateway has forgotten it by the time this returns. */
    void revoke(final long accountId, final ApiKey key)
    {
        final int keysBefore = gateway.apiKeyCount();
        send(id -> adminProxy.revokeApiKey(id, accountId, key.hash()));
        eventually("the gateway to forget the revoked API key", () -> gateway.apiKeyCount() < keysBefore);
    }

    /** Sends an admin command to the engine directly, as an operator's tool would. */
    void send(final LongFunction<SendResult> command)
    {
        assertThat(command.apply(adminProxy.nextCorrelationId())).isEqualTo(SendResult.SENT);
    }

    /** The engine takes no command until {@link #resumeEngine()}; commands sent meanwhile wait for it. */
    void pauseEngine()
    {
        gate.close();
    }

    void resumeEngine()
    {
        gate.open();
    }

    @Override
    public void close()
    {
        gate.open();
        channel.shutdownNow();
        try
        {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        CloseHelper.closeAll(gateway, feed, admin, engineStopped ? null : engine, driver);
        assertThat(new File(engine.context().aeronDirectoryName())).doesNotExist();
    }

    /** A GTC limit order of {@code quantity} at {@code price} on BTC-USD. */
    static SubmitOrderRequest limit(final String clientOrderId, final Side side, final String price, final String quantity)
    {
        return SubmitOrderRequest.newBuilder()
            .setClientOrderId(clientOrderId)
            .setInstrument(BTC_USD)
            .setSide(side)
            .setType(OrderType.ORDER_TYPE_LIMIT)
            .setPrice(price)
            .setQuantity(quantity)
            .build();
    }

    /** Places the order, which must be accepted, and returns its report. */
    static ExecutionReport place(final Trader trader, final SubmitOrderRequest order)
    {
        final ExecutionReport report = trader.orders.submitOrder(order).getReport();
        assertThat(report.getOrderId()).as("order %s accepted: %s", order.getClientOrderId(), report).isPositive();
        return report;
    }

    /** Waits for the condition without spinning: checks, parks a millisecond, checks again, up to {@link #PATIENCE}. */
    static void eventually(final String what, final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + PATIENCE.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
