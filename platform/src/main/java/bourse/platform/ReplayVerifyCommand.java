package bourse.platform;

import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.JournalVerifier;
import bourse.engine.journal.JournalVerifier.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bourse replay verify DIR}: re-runs the engine over the input journal and checks that it
 * reproduces every recorded event batch and every snapshot's state hash: the proof of determinism.
 * Exit code 0 when it does, 1 when anything differs or a journal is damaged.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Re-runs the engine over the input journal and checks the recorded events and state hashes.")
final class ReplayVerifyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATA_DIR", description = "The engine's data directory (with input/, output/ and snapshots/).")
    private Path dataDirectory;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final DataDirectory data = new DataDirectory(dataDirectory);
        if (!Files.isDirectory(data.input()) || !Files.isDirectory(data.output()))
        {
            err.println("bourse replay verify: " + dataDirectory + " has no input/ and output/ journals");
            return 2;
        }
        final VerificationReport report = JournalVerifier.verify(data.input(), data.output(), data.snapshots());
        out.printf("commands replayed   %,d (last sequence %,d) in %.2f s%n",
            report.commandsReplayed(), report.lastSequence(), report.elapsedNs() / 1e9);
        out.printf("event batches       %,d reproduced byte for byte, %,d differ, %,d never recorded%n",
            report.batchesCompared() - report.mismatches(), report.mismatches(), report.batchesUnrecorded());
        out.printf("snapshots           %,d state hashes checked%s%n", report.snapshotsChecked(),
            report.firstSnapshotMismatchSequence() == 0 ? "" : ", first differing at sequence " + report.firstSnapshotMismatchSequence());
        out.printf("state hash          %016x%n", report.stateHash());
        if (report.firstMismatch() != null)
        {
            out.printf("first difference    sequence %,d: recorded %d bytes, replayed %d, first differing byte %d%n",
                report.firstMismatch().sequence(), report.firstMismatch().recordedLength(),
                report.firstMismatch().replayedLength(), report.firstMismatch().firstDifferentByte());
        }
        if (report.inputCorruption() != null)
        {
            out.println("input journal       damaged: " + report.inputCorruption());
        }
        if (report.outputCorruption() != null)
        {
            out.println("output journal      damaged: " + report.outputCorruption());
        }
        out.println(report.passed() ? "verify: PASSED" : "verify: FAILED");
        return report.passed() ? 0 : 1;
    }
}
