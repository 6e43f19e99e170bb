package bourse.platform;

import bourse.engine.service.SmallMachineAeron;
import io.aeron.CncFileDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCommandTest
{
    @Test
    void shouldRunTheEngineOnAnEmbeddedDriverAndPrintItsChannels() throws IOException
    {
        final String commandChannel = "aeron:udp?endpoint=localhost:" + FreeUdpPorts.next() + "|term-length=1m";
        final String eventChannel = "aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic|fc=min|term-length=1m";

        final CommandRunner.Result result = CommandRunner.run(
            "engine", "--duration", "1", "--command-channel", commandChannel, "--event-channel", eventChannel);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
            .contains("commands: " + commandChannel + " stream 1001")
            .contains("events:   " + eventChannel + " stream 1002")
            .containsPattern("consumers subscribe with aeron:udp\\?endpoint=localhost:0\\|control=localhost:\\d+\\|control-mode=dynamic")
            .contains("(embedded media driver)")
            .contains("Engine stopped: 0 commands in, 0 events out");
    }

    @Test
    void shouldKeepAndRecoverItsJournalsInADataDirectory(@TempDir final Path data) throws IOException
    {
        final String[] engine = {"engine", "--duration", "1", "--data", data.toString(), "--snapshot-every", "1",
            "--command-channel", "aeron:udp?endpoint=localhost:" + FreeUdpPorts.next() + "|term-length=1m",
            "--event-channel", "aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic|fc=min|term-length=1m"};

        final CommandRunner.Result first = CommandRunner.run(engine);
        final CommandRunner.Result second = CommandRunner.run(engine);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("data dir  " + data + ": recovered to sequence 0");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("data dir  " + data + ": recovered to sequence 0")
            .contains("journaled to sequence 0, last snapshot at sequence 0");
        assertThat(data.resolve("input")).isDirectory();
        assertThat(data.resolve("output")).isDirectory();
        assertThat(CommandRunner.run("replay", "verify", data.toString()).out()).contains("verify: PASSED");
    }

    @Test
    void shouldRunTheEngineOnAStandaloneMediaDriver() throws Exception
    {
        final String aeronDir = SmallMachineAeron.uniqueAeronDirectoryName("platform-test");
        final CompletableFuture<CommandRunner.Result> mediaDriver = CompletableFuture.supplyAsync(() ->
            CommandRunner.run("media-driver", "--aeron-dir", aeronDir, "--duration", "3"));
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!new File(aeronDir, CncFileDescriptor.CNC_FILE).exists() && System.nanoTime() - deadlineNs < 0)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }

        final CommandRunner.Result engine = CommandRunner.run("engine", "--aeron-dir", aeronDir, "--duration", "1",
            "--command-channel", "aeron:ipc?term-length=1m", "--event-channel", "aeron:ipc?term-length=1m");
        final CommandRunner.Result driver = mediaDriver.get(20, TimeUnit.SECONDS);

        assertThat(engine.exitCode()).as(engine.err()).isZero();
        assertThat(engine.out()).contains("aeron dir " + aeronDir + " (external media driver)");
        assertThat(driver.exitCode()).as(driver.err()).isZero();
        assertThat(driver.out()).contains("Bourse media driver running, aeron dir " + aeronDir).contains("Media driver stopped.");
        assertThat(new File(aeronDir)).doesNotExist();
    }

    @Test
    void shouldRefuseADirectoryWithoutADriver()
    {
        final CommandRunner.Result result = CommandRunner.run(
            "engine", "--aeron-dir", SmallMachineAeron.uniqueAeronDirectoryName("nothing-here"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no media driver runs on");
    }
}
