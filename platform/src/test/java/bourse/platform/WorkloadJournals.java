package bourse.platform;

import bourse.engine.MatchingEngine;
import bourse.engine.journal.DataDirectory;
import bourse.engine.journal.InputJournal;
import bourse.engine.journal.JournalContext;
import bourse.engine.journal.OutputJournal;
import bourse.perf.engine.ExchangeCoreWorkload;

import java.nio.file.Path;

/**
 * Journals an exchange-core workload as the engine service does: each command into the input journal
 * before the engine applies it, its events into the output journal after. The workload stamps command
 * {@code n} with {@code n} microseconds after the epoch.
 */
final class WorkloadJournals
{
    /** Called after each command is journaled and applied. */
    @FunctionalInterface
    interface AfterCommand
    {
        void after(int index, InputJournal input, OutputJournal output, MatchingEngine engine);
    }

    private WorkloadJournals()
    {
    }

    /** Records {@code commands} workload commands (after the workload's setup) into {@code data}, then closes the journals. */
    static void record(final Path data, final MatchingEngine.Context engineContext, final int commands, final AfterCommand afterCommand)
    {
        final DataDirectory layout = new DataDirectory(data);
        final ExchangeCoreWorkload workload = ExchangeCoreWorkload.generate(3, commands);
        try (InputJournal input = new InputJournal(new JournalContext().directory(layout.input()));
            OutputJournal output = new OutputJournal(new JournalContext().directory(layout.output()), (buffer, offset, length) -> { }))
        {
            final MatchingEngine engine = new MatchingEngine(engineContext.eventSink(output));
            for (int i = 0; i < workload.totalCommandCount(); i++)
            {
                input.append(workload.buffer(), workload.offset(i), workload.length(i));
                engine.onCommand(workload.buffer(), workload.offset(i), workload.length(i));
                afterCommand.after(i, input, output, engine);
            }
        }
    }
}
