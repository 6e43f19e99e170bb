package bourse.platform;

import bourse.platform.demo.DemoVenue;
import bourse.platform.view.Decimals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code bourse run}: the venue in this process with a demo market to watch. The engine service runs
 * on its own thread over an embedded media driver (a {@link DemoVenue}); this thread is the simulated
 * traders' Aeron client: it paces their commands to the requested rate, reads the engine's events, and
 * once a second prints the market as rebuilt from those events. Ctrl-C (or the end of
 * {@code --duration}) stops it with a summary.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the venue in this process with a live demo market.",
        "",
        "The engine service on an embedded media driver, journaling to a data",
        "directory; BTC-USD and ETH-USD, funded accounts, and simulated market",
        "makers and takers sending orders over Aeron (none with --no-demo); the",
        "market-data feed; the gRPC order gateway on port 9090, with an account and",
        "API key for you (printed once). Once a second it prints commands/s, trades,",
        "and per instrument best bid / best ask and last trade, all rebuilt from the",
        "engine's events; Ctrl-C prints a summary and stops.",
        ""})
final class RunCommand implements Callable<Integer>
{
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    /** Far above what the engine service sustains; keeps the pacing arithmetic clear of overflow. */
    private static final long MAX_RATE = 100_000_000;
    /** Commands sent between clock reads when behind: bounds how late a status line can be. */
    private static final int MAX_BURST = 1_000;
    private static final long IDLE_PARK_NS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long SHUTDOWN_WAIT_MS = 5_000;
    /** How long the summary waits for the answers to the last commands sent. */
    private static final long LAST_ANSWERS_WAIT_NS = TimeUnit.SECONDS.toNanos(2);
    /** Input and output journals together, measured on the demo's order flow. */
    private static final long JOURNAL_BYTES_PER_COMMAND = 550;
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", paramLabel = "COMMANDS_PER_SECOND", defaultValue = "50000",
        description = "Commands per second the simulated traders send (default: ${DEFAULT-VALUE}).")
    private long rate;

    @Mixin
    private DurationOption duration;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
        description = "Seed of the simulated traders: the same seed sends the same commands (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-demo",
        description = "A quiet venue: instruments and funded accounts, but no simulated traders.")
    private boolean noDemo;

    @Option(names = "--data", paramLabel = "DIR",
        description = "A new or empty directory to journal every command and event in, with snapshots, as the " +
            "engine service does; check it with 'bourse replay verify DIR' (default: data/run-<UTC time>).")
    private Path dataDirectory;

    @Option(names = "--no-journal", description = "Keep nothing on disk.")
    private boolean noJournal;

    @Mixin
    private MarketDataOptions marketData;

    @Option(names = "--gateway-port", paramLabel = "PORT", defaultValue = "9090",
        description = "Port of the gRPC order gateway, on loopback; 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int gatewayPort;

    @Option(names = "--no-gateway", description = "No gRPC order gateway (and no account of your own).")
    private boolean noGateway;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Use the media driver running on this directory (bourse media-driver) instead of embedding one.")
    private String aeronDirectoryName;

    private volatile boolean stopRequested;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call()
    {
        if (rate <= 0 || rate > MAX_RATE)
        {
            throw new ParameterException(spec.commandLine(), "--rate must be in [1, " + MAX_RATE + "]: " + rate);
        }
        final long durationSeconds = duration.seconds(spec);
        if (gatewayPort < 0 || gatewayPort > 65_535)
        {
            throw new ParameterException(spec.commandLine(), "--gateway-port must be in [0, 65535]: " + gatewayPort);
        }

        final PrintWriter out = spec.commandLine().getOut();
        final Path data = noJournal ? null : dataDirectory != null ? dataDirectory :
            Path.of("data", "run-" + RUN_NAME.format(Instant.now()));
        final DemoVenue venue;
        try
        {
            venue = DemoVenue.launch(new DemoVenue.Context()
                .seed(seed)
                .withTraders(!noDemo)
                .dataDirectory(data)
                .aeronDirectoryName(aeronDirectoryName)
                .marketDataStreams(marketData.streams())
                .gatewayPort(noGateway ? -1 : gatewayPort));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
        out.println(noDemo ?
            "Bourse venue running, quiet (--no-demo): " + instrumentList(venue) + ". Ctrl-C to stop." :
            "Bourse venue running: " + instrumentList(venue) + ", simulated traders at " +
            Decimals.count(rate) + " commands/s, seed " + seed + ". Ctrl-C to stop.");
        out.println("Engine service on Aeron IPC, " + (venue.embeddedMediaDriver() ? "embedded" : "external") +
            " media driver " + venue.aeronDirectoryName() + " (watch it: ./bourse stat --aeron-dir " +
            venue.aeronDirectoryName() + ")");
        out.println("Market data: incrementals " + venue.marketDataStreams().incrementalChannel() + " stream " +
            venue.marketDataStreams().incrementalStreamId() + ", snapshots " + venue.marketDataStreams().snapshotChannel() +
            " stream " + venue.marketDataStreams().snapshotStreamId() + " (watch a book: ./bourse md BTC-USD)");
        if (venue.userApiKey() != null)
        {
            out.println("gRPC order gateway on localhost:" + venue.gatewayPort() + " (list its services: grpcurl " +
                "-plaintext localhost:" + venue.gatewayPort() + " list). Your account " + DemoVenue.USER_ACCOUNT +
                " trades through it with the API key " + venue.userApiKey().key() + " (shown once):");
            out.println("  export BOURSE_API_KEY=" + venue.userApiKey().key() + "; ./bourse order submit " +
                (venue.gatewayPort() == 9090 ? "" : "--target localhost:" + venue.gatewayPort() + " ") +
                "--instrument BTC-USD --side buy --type market --qty 0.01; ./bourse order stream");
        }
        out.println(data == null ? "Journal: none (--no-journal)." :
            "Journal: " + data.toAbsolutePath() + " (check it with: ./bourse replay verify " + data + "; about " +
            Decimals.count(Math.max(1, (noDemo ? 0 : rate) * JOURNAL_BYTES_PER_COMMAND / 1_000_000)) +
            " MB/s of disk at this rate, --no-journal keeps nothing)");
        if (data != null)
        {
            out.println("More accounts: ./bourse admin create-account --engine-data " + data + " --aeron-dir " +
                venue.aeronDirectoryName() + " --command-channel " + venue.engineChannel() + " --event-channel " +
                venue.engineChannel() + " --deposit USD=100000");
        }
        out.flush();

        final Thread shutdownHook = new Thread(this::stopAndWait, "bourse-run-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try
        {
            runUntilStopped(venue, out, durationSeconds);
        }
        finally
        {
            venue.close();
            stopped.countDown();
            removeShutdownHook(shutdownHook);
        }
        return 0;
    }

    private void runUntilStopped(final DemoVenue venue, final PrintWriter out, final long durationSeconds)
    {
        final long startNs = System.nanoTime();
        final long deadlineNs = durationSeconds == 0 ? Long.MAX_VALUE : startNs + durationSeconds * SECOND_NS;
        final long setUpCommands = venue.commandsSent();
        final StatusReport report = new StatusReport(venue.market(), venue.accounts(), out, startNs, setUpCommands);
        long nextReportNs = startNs + SECOND_NS;
        long sent = 0;
        while (!stopRequested)
        {
            final int eventFragments = venue.pollEvents();
            final long nowNs = System.nanoTime();
            if (nowNs - nextReportNs >= 0)
            {
                report.printStatus(nowNs, venue.commandsSent());
                while (nowNs - nextReportNs >= 0)
                {
                    nextReportNs += SECOND_NS;
                }
            }
            if (nowNs - deadlineNs >= 0)
            {
                break;
            }
            final long due = venue.hasTraders() ? commandsDueBy(nowNs - startNs) : 0;
            final long burst = Math.min(due - sent, MAX_BURST);
            for (long i = 0; i < burst; i++)
            {
                venue.step();
            }
            sent += burst;
            if (sent >= due && eventFragments == 0)
            {
                LockSupport.parkNanos(IDLE_PARK_NS);
            }
        }
        final long endNs = System.nanoTime();
        final boolean answered = venue.awaitAnswers(LAST_ANSWERS_WAIT_NS);
        report.printSummary(endNs, venue.commandsSent() - setUpCommands);
        if (venue.commandsBackPressured() > 0)
        {
            out.println("  " + Decimals.count(venue.commandsBackPressured()) +
                " commands not sent: the engine was back-pressured (lower --rate, or see ./bourse stat)");
        }
        if (!answered)
        {
            out.println("  the engine had not answered every command when the venue stopped");
        }
        out.flush();
    }

    /** How many commands the rate allows in the first {@code elapsedNs} of the run. */
    private long commandsDueBy(final long elapsedNs)
    {
        return elapsedNs / SECOND_NS * rate + (elapsedNs % SECOND_NS) * rate / SECOND_NS;
    }

    /** Runs in the shutdown hook on Ctrl-C: asks the loop to stop and lets it print its summary first. */
    private void stopAndWait()
    {
        stopRequested = true;
        try
        {
            stopped.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeShutdownHook(final Thread shutdownHook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ex)
        {
            // The JVM is already shutting down (Ctrl-C): the hook is running and returns at once.
        }
    }

    private static String instrumentList(final DemoVenue venue)
    {
        final StringBuilder list = new StringBuilder();
        venue.market().instruments().forEach(instrument ->
            list.append(list.length() == 0 ? "" : ", ").append(instrument.symbol()));
        return list.toString();
    }
}
