package bourse.engine.service;

import bourse.engine.client.SendResult;
import bourse.sbe.RejectReason;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static bourse.engine.service.EngineTestClient.USD;
import static bourse.engine.service.EngineTestClient.USD_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine service in its own JVM with its own media driver; the client here, on this JVM's driver. */
class EngineServiceProcessTest
{
    private static final int SOURCE_ID = 11;
    private static final long START_TIMEOUT_S = 30;

    private final List<String> engineOutput = new ArrayList<>();
    private Process engine;
    private MediaDriver driver;
    private EngineTestClient client;

    @AfterEach
    void close() throws InterruptedException
    {
        CloseHelper.closeAll(client, driver);
        if (engine != null && engine.isAlive())
        {
            engine.destroyForcibly().waitFor(START_TIMEOUT_S, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldServeAClientInAnotherProcessAndNeverApplyAResendTwice() throws Exception
    {
        final EngineService.Context channels = EngineServiceTest.udpContext("1m");
        final BufferedReader engineOut = startEngine(channels);
        final String engineAeronDir = awaitLine(engineOut, "READY ").substring("READY ".length());
        driver = MediaDriver.launch(SmallMachineAeron.driverContext(
            SmallMachineAeron.uniqueAeronDirectoryName("test-client"), true, channels.livenessTimeoutNs()));

        client = new EngineTestClient(driver.aeronDirectoryName(), channels, SOURCE_ID, 0);
        EventStream events = client.subscribeToEvents();
        client.awaitConnected(events);
        client.setUpMarket();
        final long deposit = client.send(id -> client.proxy.deposit(id, BUYER, USD, 500));
        events.await("the deposit", event -> event.correlationId() == deposit);

        // Reconnect: a new Aeron client, proxy and subscription for the same source, then resend.
        client.close();
        client = new EngineTestClient(driver.aeronDirectoryName(), channels, SOURCE_ID, deposit);
        events = client.subscribeToEvents();
        client.awaitConnected(events);
        assertThat(client.proxy.deposit(deposit, BUYER, USD, 500)).isEqualTo(SendResult.SENT);
        final long nextDeposit = client.send(id -> client.proxy.deposit(id, BUYER, USD, 1));
        final RecordedEvent balance = events.await("the next deposit", event -> event.correlationId() == nextDeposit);

        assertThat(events.listener.events.get(0).detail()).isEqualTo(RejectReason.DUPLICATE_COMMAND + " template=5");
        assertThat(events.listener.events.get(0).correlationId()).isEqualTo(deposit);
        assertThat(balance.sequence()).as("the resend took no sequence number").isEqualTo(SET_UP_COMMANDS + 2);
        assertThat(balance.detail()).contains("total=" + (USD_FUNDING + 500 + 1));

        engine.getOutputStream().close();
        awaitLine(engineOut, "CLOSED");
        assertThat(engine.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.exitValue()).isZero();
        assertThat(new File(engineAeronDir)).as("the engine's driver deleted its directory").doesNotExist();
    }

    private BufferedReader startEngine(final EngineService.Context channels) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(System.getProperty("bourse.jvm.flags", "").trim().split("\\s+"))
            .filter(flag -> !flag.isEmpty())
            .forEach(command::add);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineServiceProcess.class.getName());
        command.add(channels.commandChannel());
        command.add(channels.eventChannel());
        engine = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the engine's output up to a line starting with {@code prefix}; fails with all it printed if none comes. */
    private String awaitLine(final BufferedReader engineOut, final String prefix) throws Exception
    {
        final CompletableFuture<String> line = CompletableFuture.supplyAsync(() ->
        {
            try
            {
                for (String next = engineOut.readLine(); next != null; next = engineOut.readLine())
                {
                    engineOutput.add(next);
                    if (next.startsWith(prefix))
                    {
                        return next;
                    }
                }
                return null;
            }
            catch (final IOException ex)
            {
                return null;
            }
        });
        final String found = line.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        assertThat(found).as("engine process output:%n%s", String.join("\n", engineOutput)).isNotNull();
        return found;
    }
}
