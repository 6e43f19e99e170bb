package bourse.platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs {@code bourse} in this JVM, as main would, and keeps what it printed. */
final class CommandRunner
{
    private CommandRunner()
    {
    }

    static Result run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = BourseCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err)
    {
        List<String> outLines()
        {
            return out.lines().toList();
        }
    }
}
