package bourse.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BourseCommandTest
{
    @Test
    void shouldListTheSubCommandsInItsHelp()
    {
        final CommandRunner.Result result = CommandRunner.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: bourse").containsPattern("(?m)^\\s+run\\s").containsPattern("(?m)^\\s+bench\\s");
    }

    @Test
    void shouldPrintItsVersion()
    {
        final CommandRunner.Result result = CommandRunner.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("bourse ").doesNotContain("${");
    }

    @Test
    void shouldAskForASubCommandWhenGivenNone()
    {
        final CommandRunner.Result result = CommandRunner.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command").contains("run").contains("bench");
    }

    @Test
    void shouldDescribeTheOptionsOfRun()
    {
        final CommandRunner.Result result = CommandRunner.run("run", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--rate").contains("--duration").contains("--seed").contains("--no-demo");
    }
}
