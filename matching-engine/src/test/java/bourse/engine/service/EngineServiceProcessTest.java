package bourse.engine.service;

import bourse.engine.client.SendResult;
import bourse.sbe.RejectReason;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;

import static bourse.engine.service.EngineTestClient.BUYER;
import static bourse.engine.service.EngineTestClient.SET_UP_COMMANDS;
import static bourse.engine.service.EngineTestClient.USD;
import static bourse.engine.service.EngineTestClient.USD_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine service in its own JVM with its own media driver; the client here, on this JVM's driver. */
class EngineServiceProcessTest
{
    private static final int SOURCE_ID = 11;

    private EngineProcess engine;
    private MediaDriver driver;
    private EngineTestClient client;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(client, driver);
        CloseHelper.close(engine);
    }

    @Test
    void shouldServeAClientInAnotherProcessAndNeverApplyAResendTwice() throws Exception
    {
        final EngineService.Context channels = EngineServiceTest.udpContext("1m");
        engine = new EngineProcess(channels);
        final String engineAeronDir = engine.awaitLine("READY ").substring("READY ".length());
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

        engine.stop();
        assertThat(new File(engineAeronDir)).as("the engine's driver deleted its directory").doesNotExist();
    }
}
