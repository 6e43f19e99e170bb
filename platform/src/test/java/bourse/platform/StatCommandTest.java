package bourse.platform;

import bourse.engine.service.EngineService;
import bourse.engine.service.SmallMachineAeron;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** `bourse stat` reads the counters of a running engine service's media driver. */
class StatCommandTest
{
    @Test
    void shouldPrintTheEngineCountersOfARunningService() throws IOException
    {
        try (EngineService service = EngineService.launch(new EngineService.Context()
            .commandChannel("aeron:udp?endpoint=localhost:" + FreeUdpPorts.next() + "|term-length=1m")
            .eventChannel("aeron:udp?control=localhost:" + FreeUdpPorts.next() + "|control-mode=dynamic|fc=min|term-length=1m")))
        {
            final CommandRunner.Result result = CommandRunner.run(
                "stat", "--aeron-dir", service.context().aeronDirectoryName(), "--duration", "1", "--interval-ms", "300",
                "--filter", "Bourse engine");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out())
                .containsPattern("(?m)^\\s*\\d+:\\s+0 - Bourse engine: commands in$")
                .contains("Bourse engine: events out")
                .contains("Bourse engine: event offers back-pressured")
                .doesNotContain("Bytes sent");
        }
    }

    @Test
    void shouldRefuseADirectoryWithoutADriver()
    {
        final CommandRunner.Result result = CommandRunner.run(
            "stat", "--aeron-dir", SmallMachineAeron.uniqueAeronDirectoryName("no-driver"), "--duration", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no media driver runs on");
    }
}
