package bourse.platform;

import bourse.engine.journal.DataDirectory;
import bourse.engine.service.SmallMachineAeron;
import bourse.gateway.ApiKey;
import bourse.platform.admin.EngineAdmin;
import bourse.platform.admin.EngineAdmin.Answer;
import bourse.platform.admin.EngineAdmin.Asset;
import bourse.platform.admin.EngineAdmin.Instrument;
import io.aeron.Aeron;
import io.aeron.CncFileDescriptor;
import io.aeron.driver.MediaDriver;
import org.agrona.CloseHelper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.File;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bourse admin}: an operator's commands to a running engine, sent as the engine's own sequenced
 * commands and confirmed by its events ({@link EngineAdmin}). API keys are made here, printed once and
 * only their SHA-256 hashes reach the engine and its journal.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
        "An operator's commands to a running engine: assets, instruments, accounts,",
        "deposits, API keys, halts. Each waits for the engine's answer.",
        ""},
    subcommands = {AdminMarketCommands.AddAsset.class, AdminMarketCommands.AddInstrument.class,
        AdminAccountCommands.CreateAccount.class, AdminAccountCommands.Deposit.class, AdminAccountCommands.CreateApiKey.class,
        AdminAccountCommands.RevokeApiKey.class,
        AdminMarketCommands.Halt.class, AdminMarketCommands.Resume.class})
final class AdminCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** The connection every admin command needs: the engine's channels, its data directory, a media driver. */
    abstract static class AdminCall implements Callable<Integer>
    {
        @Spec
        CommandSpec spec;

        @Option(names = "--engine-data", paramLabel = "DIR", required = true,
            description = "The engine's data directory (bourse engine --data; bourse run prints it): its journal " +
                "tells the assets and accounts the engine has.")
        Path engineData;

        @Mixin
        EngineChannelOptions channels;

        @Option(names = "--source-id", paramLabel = "ID", defaultValue = "" + EngineAdmin.DEFAULT_SOURCE_ID,
            description = "This tool's source id on the engine (default: ${DEFAULT-VALUE}).")
        int sourceId;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the engine to connect and to answer each command (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        public final Integer call()
        {
            if (!Files.isDirectory(new DataDirectory(engineData).output()))
            {
                throw new ParameterException(spec.commandLine(),
                    "no engine journal in " + engineData + ": give the engine's --data directory");
            }
            if (channels.aeronDirectoryName != null && !new File(channels.aeronDirectoryName, CncFileDescriptor.CNC_FILE).exists())
            {
                throw new ParameterException(spec.commandLine(), "no media driver runs on " + channels.aeronDirectoryName);
            }
            if (timeoutSeconds < 1)
            {
                throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
            }
            final MediaDriver driver = channels.embeddedDriverUnlessGiven("admin");
            Aeron aeron = null;
            EngineAdmin admin = null;
            try
            {
                aeron = Aeron.connect(SmallMachineAeron.clientContext(
                    channels.aeronDirectoryName(driver), SmallMachineAeron.DEFAULT_LIVENESS_TIMEOUT_NS));
                admin = new EngineAdmin(aeron, channels.commandChannel, channels.commandStreamId, channels.eventChannel,
                    channels.eventStreamId, engineData, sourceId, Duration.ofSeconds(timeoutSeconds));
                admin.connect();
                return run(admin, spec.commandLine().getOut());
            }
            catch (final IllegalStateException ex)
            {
                spec.commandLine().getErr().println("bourse admin: " + ex.getMessage());
                return 1;
            }
            finally
            {
                CloseHelper.quietCloseAll(admin, aeron, driver);
            }
        }

        abstract int run(EngineAdmin admin, PrintWriter out);

        /** A fresh API key for the account, printed once; 1 if the engine refuses it. */
        final int createApiKey(final EngineAdmin admin, final long accountId, final PrintWriter out)
        {
            final ApiKey key = ApiKey.generate(new SecureRandom());
            final Answer answer = admin.createApiKey(accountId, key.hash());
            if (!answer.accepted())
            {
                return refused("the API key", answer);
            }
            out.println("API key (shown once, only its hash is kept): " + key.key());
            out.println("  export BOURSE_API_KEY=" + key.key() + "; ./bourse order list");
            out.flush();
            return 0;
        }

        /**
         * A positive decimal in units of {@code 10^-scale}: {@code units("--tick", "0.5", 2)} is 50.
         *
         * @throws ParameterException naming the option and the rule the text breaks.
         */
        final long units(final String option, final String text, final int scale)
        {
            return units(option, text, scale, false);
        }

        /** The same, zero allowed when {@code zeroAllowed} (fees). */
        final long units(final String option, final String text, final int scale, final boolean zeroAllowed)
        {
            final BigDecimal value;
            try
            {
                value = new BigDecimal(text);
            }
            catch (final NumberFormatException ex)
            {
                throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not a decimal number such as 2.5");
            }
            if (value.signum() < (zeroAllowed ? 0 : 1) || value.stripTrailingZeros().scale() > scale)
            {
                throw new ParameterException(spec.commandLine(), option + ": must be " + (zeroAllowed ? "zero or " : "") +
                    "positive with at most " + scale + " decimals, not " + text);
            }
            try
            {
                return value.movePointRight(scale).longValueExact();
            }
            catch (final ArithmeticException ex)
            {
                throw new ParameterException(spec.commandLine(), option + ": " + text + " is too large");
            }
        }

        /** The engine's asset of this code, any case. */
        final Asset asset(final EngineAdmin admin, final String option, final String code)
        {
            final Asset asset = admin.assets().get(code.toUpperCase(Locale.ROOT));
            if (asset == null)
            {
                throw new ParameterException(spec.commandLine(), option + ": the engine has no asset " + code +
                    " (it has " + (admin.assets().isEmpty() ? "none: bourse admin add-asset" : String.join(", ", admin.assets().keySet())) + ")");
            }
            return asset;
        }

        /** The engine's instrument of this symbol. */
        final Instrument instrument(final EngineAdmin admin, final String symbol)
        {
            final Instrument instrument = admin.instruments().get(symbol);
            if (instrument == null)
            {
                throw new ParameterException(spec.commandLine(), "--instrument: the engine has no instrument " + symbol +
                    " (it has " + String.join(", ", admin.instruments().keySet()) + ")");
            }
            return instrument;
        }

        final int refused(final String what, final Answer answer)
        {
            spec.commandLine().getErr().println("bourse admin: the engine refused " + what + ": " + answer.rejectReason());
            return 1;
        }
    }
}
