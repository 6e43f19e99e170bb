package bourse.platform;

import bourse.platform.demo.DemoVenue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The venue as separate services: a running engine (a quiet demo venue without its own gateway, journaling
 * to a data directory), {@code bourse admin} opening accounts and keys on it, and {@code bourse gateway}
 * started after the engine, learning everything before it from the engine's journal.
 */
class GatewayAndAdminCommandsTest
{
    private static final Pattern CREATED = Pattern.compile("(?m)^Account (\\d+) created\\.$");
    private static final Pattern KEY = Pattern.compile("API key \\(shown once, only its hash is kept\\): (bk_\\S+)");

    @TempDir
    static Path data;

    private static DemoVenue venue;

    @BeforeAll
    static void startEngine()
    {
        venue = DemoVenue.launch(new DemoVenue.Context().withTraders(false).gatewayPort(-1).dataDirectory(data));
    }

    @AfterAll
    static void stopEngine()
    {
        venue.close();
    }

    @Test
    void shouldOpenAFundedAccountWhoseKeyTradesThroughAGatewayStartedAfterTheEngine() throws Exception
    {
        final CommandRunner.Result created = admin("create-account", "--deposit", "USD=250000", "--deposit", "btc=1.5");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("  deposited 250000 USD", "  deposited 1.5 BTC");
        final String accountId = group(CREATED, created.out());
        final String key = group(KEY, created.out());

        final int port = freeTcpPort();
        final CompletableFuture<CommandRunner.Result> gateway = CompletableFuture.supplyAsync(() -> CommandRunner.run(
            engineOptions("gateway", "--engine-data", data.toString(), "--port", String.valueOf(port),
                "--no-market-data", "--duration", "6")));
        final String target = "localhost:" + port;
        awaitAnswer(target, key);

        final CommandRunner.Result submitted = CommandRunner.run("order", "submit", "--target", target, "--key", key,
            "--instrument", "BTC-USD", "--side", "buy", "--price", "63000", "--qty", "0.5");
        assertThat(submitted.out()).as(submitted.err()).startsWith("NEW order").contains("BTC-USD BUY LIMIT 63000.00");
        final CommandRunner.Result secondKey = admin("create-api-key", "--account", accountId);
        assertThat(secondKey.exitCode()).as(secondKey.err()).isZero();
        final CommandRunner.Result listed = CommandRunner.run("order", "list", "--target", target, "--key", group(KEY, secondKey.out()));
        assertThat(listed.outLines()).as(listed.err()).last().isEqualTo("1 open orders");

        final CommandRunner.Result revoked = admin("revoke-api-key", "--account", accountId, "--key", key);
        assertThat(revoked.out()).as(revoked.err()).matches("API key [0-9a-f]{12}… of account " + accountId + " revoked\\.\n");
        final CommandRunner.Result refused = CommandRunner.run("order", "list", "--target", target, "--key", key);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("UNAUTHENTICATED: unknown API key");
        assertThat(admin("revoke-api-key", "--account", accountId, "--key", key).err())
            .contains("the engine refused the revocation: UNKNOWN_API_KEY");

        final CommandRunner.Result stopped = gateway.get(30, TimeUnit.SECONDS);
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.out())
            .contains("Bourse gRPC order gateway on 127.0.0.1:" + port + " (plaintext)")
            .contains("caught up from " + data + ": 1 API keys")
            .containsPattern("Gateway stopped: \\d+ calls \\(\\d+ OK, 0 INVALID_ARGUMENT, 1 UNAUTHENTICATED, " +
                "0 RESOURCE_EXHAUSTED\\), 1 commands sent to the engine");
    }

    @Test
    void shouldCheckEveryDepositBeforeOpeningAnything()
    {
        final long before = Long.parseLong(group(CREATED, admin("create-account", "--no-key").out()));
        final CommandRunner.Result unknownAsset = admin("create-account", "--deposit", "USD=5", "--deposit", "DOGE=1");
        final CommandRunner.Result tooPrecise = admin("create-account", "--deposit", "BTC=0.000000001");
        final CommandRunner.Result notANumber = admin("create-account", "--deposit", "USD=lots");

        assertThat(unknownAsset.exitCode()).isEqualTo(2);
        assertThat(unknownAsset.err()).contains("--deposit: the engine has no asset DOGE (it has BTC, ETH, USD)");
        assertThat(tooPrecise.exitCode()).isEqualTo(2);
        assertThat(tooPrecise.err()).contains("--deposit BTC: must be positive with at most 8 decimals, not 0.000000001");
        assertThat(notANumber.err()).contains("--deposit USD: 'lots' is not a decimal number such as 2.5");
        assertThat(group(CREATED, admin("create-account", "--no-key").out())).as("no account opened in between")
            .isEqualTo(String.valueOf(before + 1));
    }

    @Test
    void shouldReportTheEnginesRefusal()
    {
        final CommandRunner.Result taken = admin("create-account", "--account", "1");
        final CommandRunner.Result noSuchAccount = admin("create-api-key", "--account", "999999");

        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err().strip()).isEqualTo("bourse admin: the engine refused account 1: DUPLICATE_ACCOUNT");
        assertThat(noSuchAccount.exitCode()).isEqualTo(1);
        assertThat(noSuchAccount.err()).contains("the engine refused the API key: UNKNOWN_ACCOUNT");
    }

    @Test
    void shouldSayWhenNoEngineAnswersOrItsJournalIsNotThere()
    {
        final CommandRunner.Result noEngine = CommandRunner.run("admin", "create-account", "--engine-data", data.toString(),
            "--aeron-dir", venue.aeronDirectoryName(), "--command-channel", "aeron:ipc", "--command-stream", "7777",
            "--event-channel", "aeron:ipc", "--event-stream", "7778", "--timeout", "1");
        final CommandRunner.Result noJournal = CommandRunner.run("admin", "create-account", "--engine-data",
            data.resolve("elsewhere").toString());

        assertThat(noEngine.exitCode()).isEqualTo(1);
        assertThat(noEngine.err()).contains("bourse admin: no engine answered on aeron:ipc stream 7777 within 1 s");
        assertThat(noJournal.exitCode()).isEqualTo(2);
        assertThat(noJournal.err()).contains("no engine journal in " + data.resolve("elsewhere"));
    }

    private static CommandRunner.Result admin(final String subcommand, final String... options)
    {
        return CommandRunner.run(engineOptions("admin", Stream.concat(
            Stream.of(subcommand, "--engine-data", data.toString()), Stream.of(options)).toArray(String[]::new)));
    }

    /** The command, then options reaching the venue's engine on its driver, then the rest. */
    private static String[] engineOptions(final String command, final String... rest)
    {
        final String[] first = {command};
        final String[] engine = {"--aeron-dir", venue.aeronDirectoryName(),
            "--command-channel", venue.engineChannel(), "--event-channel", venue.engineChannel()};
        if (command.equals("admin"))
        {
            // The sub-command comes first: its options follow it.
            return Stream.of(first, new String[] {rest[0]}, engine, java.util.Arrays.copyOfRange(rest, 1, rest.length))
                .flatMap(Stream::of).toArray(String[]::new);
        }
        return Stream.of(first, engine, rest).flatMap(Stream::of).toArray(String[]::new);
    }

    /** Asks the gateway for the account's orders until it answers: it starts in the background. */
    private static void awaitAnswer(final String target, final String key)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        CommandRunner.Result listed = CommandRunner.run("order", "list", "--target", target, "--key", key);
        while (listed.exitCode() != 0 && System.nanoTime() - deadlineNs < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            listed = CommandRunner.run("order", "list", "--target", target, "--key", key);
        }
        assertThat(listed.exitCode()).as("the gateway answers: " + listed.err()).isZero();
        assertThat(listed.outLines()).last().isEqualTo("0 open orders");
    }

    private static String group(final Pattern pattern, final String text)
    {
        final Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private static int freeTcpPort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
