package bourse.platform;

import bourse.gateway.GatewayCounters;
import bourse.gateway.OrderGateway;
import bourse.platform.view.Decimals;
import io.grpc.Status;
import io.aeron.driver.MediaDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bourse gateway}: the gRPC order gateway alone (docs/gateway.md), in front of an engine running
 * elsewhere ({@code bourse engine}), with the market-data feed's streams ({@code bourse feed}) behind its
 * MarketData service. Embeds a media driver unless {@code --aeron-dir} names one already running. Given the
 * engine's data directory it learns what the engine did before it started from the output journal, so it
 * can start, stop and start again at any time.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the gRPC order gateway alone, in front of a running engine.",
        "",
        "With --engine-data (the engine's --data directory, on this machine) it reads",
        "the API keys, instruments and orders the engine already has from its journal;",
        "without, it knows only what the engine publishes after it started.",
        "Create accounts and keys with bourse admin create-account. Ctrl-C stops it.",
        ""})
final class GatewayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;


    @Mixin
    private EngineChannelOptions channels;

    @Option(names = "--engine-data", paramLabel = "DIR",
        description = "The engine's data directory: catch up from its output journal at start.")
    private Path engineData;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + OrderGateway.Context.DEFAULT_PORT,
        description = "The gRPC port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "The address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    private String bindAddress;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve TLS with this certificate chain (needs --tls-key).")
    private File tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The PKCS#8 private key of --tls-cert.")
    private File tlsKey;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "1000",
        description = "Commands per second per API key, on average (default: ${DEFAULT-VALUE}).")
    private int rateLimitPerSecond;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "100",
        description = "Commands an API key may send at once after a quiet spell (default: ${DEFAULT-VALUE}).")
    private int rateLimitBurst;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "64",
        description = "Streams an account may have open at once (default: ${DEFAULT-VALUE}).")
    private int maxStreamsPerAccount;

    @Option(names = "--source-id", paramLabel = "ID", defaultValue = "" + OrderGateway.Context.DEFAULT_SOURCE_ID,
        description = "The gateway's source id on the engine, unique among its clients: give each gateway its own " +
            "(default: ${DEFAULT-VALUE}).")
    private int sourceId;

    @Mixin
    private MarketDataOptions marketData;

    @Option(names = "--no-market-data", description = "No MarketData service (its calls answer UNAVAILABLE).")
    private boolean noMarketData;

    @Mixin
    private DurationOption duration;

    @Override
    public Integer call() throws InterruptedException
    {
        final long durationSeconds = duration.seconds(spec);
        final OrderGateway.Context context = new OrderGateway.Context()
            .engineCommands(channels.commandChannel, channels.commandStreamId)
            .engineEvents(channels.eventChannel, channels.eventStreamId)
            .engineDataDirectory(engineData)
            .port(port)
            .rateLimitPerSecond(rateLimitPerSecond)
            .rateLimitBurst(rateLimitBurst)
            .maxStreamsPerAccount(maxStreamsPerAccount)
            .sourceId(sourceId);
        try
        {
            context.bindAddress(InetAddress.getByName(bindAddress));
            if (tlsCertificate != null || tlsKey != null)
            {
                context.tls(tlsCertificate, tlsKey);
            }
            if (!noMarketData)
            {
                context.marketDataStreams(marketData.streams());
            }
        }
        catch (final UnknownHostException | IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }

        final MediaDriver driver = channels.embeddedDriverUnlessGiven("gateway");
        try (UntilStopped untilStopped = new UntilStopped("bourse-gateway"); driver)
        {
            context.aeronDirectoryName(channels.aeronDirectoryName(driver));
            try
            {
                context.conclude();
            }
            catch (final IllegalArgumentException | IllegalStateException ex)
            {
                throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
            }
            try (OrderGateway gateway = OrderGateway.launch(context))
            {
                printBanner(spec.commandLine().getOut(), context, gateway);
                untilStopped.await(durationSeconds);
                printCounters(spec.commandLine().getOut(), gateway.counters());
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void printCounters(final PrintWriter out, final GatewayCounters counters)
    {
        out.println("Gateway stopped: " +
            Decimals.count(counters.callsStarted().get()) + " calls (" +
            Decimals.count(counters.callsEnded(Status.Code.OK).get()) + " OK, " +
            Decimals.count(counters.callsEnded(Status.Code.INVALID_ARGUMENT).get()) + " INVALID_ARGUMENT, " +
            Decimals.count(counters.callsEnded(Status.Code.UNAUTHENTICATED).get()) + " UNAUTHENTICATED, " +
            Decimals.count(counters.callsEnded(Status.Code.RESOURCE_EXHAUSTED).get()) + " RESOURCE_EXHAUSTED), " +
            Decimals.count(counters.commandsSent().get()) + " commands sent to the engine, " +
            Decimals.count(counters.messagesSent().get()) + " messages sent, " +
            Decimals.count(counters.errors().get()) + " errors (all counters: bourse stat)");
    }

    private void printBanner(final PrintWriter out, final OrderGateway.Context context, final OrderGateway gateway)
    {
        out.println("Bourse gRPC order gateway on " + context.bindAddress().getHostAddress() + ":" + gateway.port() +
            (context.tls() ? " (TLS)" : " (plaintext)") + ". Ctrl-C to stop.");
        out.println("  engine commands: " + context.commandChannel() + " stream " + context.commandStreamId() +
            ", events: " + context.eventChannel() + " stream " + context.eventStreamId());
        out.println(engineData == null ?
            "  no --engine-data: knows only what the engine publishes from now on" :
            "  caught up from " + engineData + ": " + gateway.apiKeyCount() + " API keys");
        out.println(context.marketDataStreams() == null ? "  market data: none (--no-market-data)" :
            "  market data: " + context.marketDataStreams().incrementalChannel() + " stream " +
            context.marketDataStreams().incrementalStreamId());
        out.println("  aeron dir " + context.aeronDirectoryName() +
            (channels.aeronDirectoryName == null ? " (embedded media driver)" : " (external media driver)"));
        out.flush();
    }
}
