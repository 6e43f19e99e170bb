package bourse.platform;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `bourse replay verify` on journals written the way the engine service writes them. */
class ReplayVerifyCommandTest
{
    private static final int COMMANDS = 20_000;

    @TempDir
    Path data;

    @Test
    void shouldPassOnAJournalTheEngineWroteAndSayWhatItChecked()
    {
        record(new MatchingEngine.Context());

        final CommandRunner.Result result = CommandRunner.run("replay", "verify", data.toString());

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("verify: PASSED").contains("0 differ").contains("2 state hashes checked");
    }

    @Test
    void shouldFailWhenTheRecordedEventsAreNotWhatTheEngineProduces()
    {
        // Recorded by an engine with another rule: a limit of 2 open orders per account.
        record(new MatchingEngine.Context().maxOpenOrdersPerAccount(2));

        final CommandRunner.Result result = CommandRunner.run("replay", "verify", data.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("verify: FAILED").contains("first difference    sequence");
    }

    @Test
    void shouldRefuseADirectoryWithoutJournals()
    {
        final CommandRunner.Result result = CommandRunner.run("replay", "verify", data.resolve("nothing-here").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("has no input/ and output/ journals");
    }

    /** Journals an exchange-core workload as the engine service does, with two snapshots on the way. */
    private void record(final MatchingEngine.Context engineContext)
    {
        final SnapshotStore snapshots = new SnapshotStore(new SnapshotStore.Context().directory(new DataDirectory(data).snapshots()));
        WorkloadJournals.record(data, engineContext, COMMANDS, (i, input, output, engine) ->
        {
            if (i == 5_000 || i == 15_000)
            {
                input.commitBatch();
                output.commitBatch();
                snapshots.write(engine);
            }
        });
    }
}
