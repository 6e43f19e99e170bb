package bourse.platform;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code bourse}: the one command of the venue. Each sub-command is its own class, listed here; later
 * services (feed, gateway, replay, order) join the list the same way.
 */
@Command(
    name = "bourse",
    mixinStandardHelpOptions = true,
    versionProvider = BourseCommand.Version.class,
    description = "Bourse, an open-source trading venue: a deterministic matching engine on SBE.",
    subcommands = {RunCommand.class, EngineCommand.class, FeedCommand.class, GatewayCommand.class, AdminCommand.class, OrderCommand.class, MarketDataCommand.class, MediaDriverCommand.class, StatCommand.class, BenchCommand.class, ReplayCommand.class},
    footer = {"", "Run 'bourse <command> --help' for the options of a command."})
public final class BourseCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every sub-command, as main runs it; tests use it to run commands in-process. */
    public static CommandLine commandLine()
    {
        return new CommandLine(new BourseCommand());
    }

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** The version written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            final Properties properties = new Properties();
            try (InputStream in = BourseCommand.class.getResourceAsStream("version.properties"))
            {
                if (in != null)
                {
                    properties.load(in);
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            return new String[] {"bourse " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
