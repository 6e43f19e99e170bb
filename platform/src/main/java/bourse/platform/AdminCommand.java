package bourse.platform;

import bourse.engine.journal.DataDirectory;
import bourse.engine.service.SmallMachineAeron;
import bourse.gateway.ApiKey;
import bourse.platform.admin.EngineAdmin;
import bourse.platform.admin.EngineAdmin.Answer;
import bourse.platform.admin.EngineAdmin.Asset;
import bourse.sbe.RejectReason;
import bourse.sbe.StpMode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        "An operator's commands to a running engine: accounts and API keys.",
        ""},
    subcommands = {AdminCommand.CreateAccount.class, AdminCommand.CreateApiKey.class})
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

        final int refused(final String what, final Answer answer)
        {
            spec.commandLine().getErr().println("bourse admin: the engine refused " + what + ": " + answer.rejectReason());
            return 1;
        }
    }

    @Command(
        name = "create-account",
        mixinStandardHelpOptions = true,
        description = {
            "Opens an account, funds it and prints a new API key for it.",
            "",
            "  bourse admin create-account --engine-data DIR --deposit USD=100000 --deposit BTC=2.5",
            ""})
    static final class CreateAccount extends AdminCall
    {
        private static final int MAX_ATTEMPTS = 100;

        @Option(names = "--account", paramLabel = "ID",
            description = "The account id (default: the next after the highest the engine has).")
        Long accountId;

        @Option(names = "--deposit", paramLabel = "ASSET=AMOUNT",
            description = "Fund the account with this amount of the asset, a decimal such as BTC=2.5; repeatable.")
        Map<String, String> deposits = new LinkedHashMap<>();

        @Option(names = "--stp", paramLabel = "MODE", defaultValue = "cancel-newest",
            description = "The account's self-trade prevention: cancel-newest, cancel-oldest or cancel-both " +
                "(default: ${DEFAULT-VALUE}).")
        String stp;

        @Option(names = "--no-key", description = "Do not create an API key.")
        boolean noKey;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            final StpMode stpMode = stpMode();
            final List<Deposit> funding = deposits(admin);
            final long account;
            if (accountId != null)
            {
                if (accountId < 1)
                {
                    throw new ParameterException(spec.commandLine(), "--account must be positive: " + accountId);
                }
                final Answer answer = admin.createAccount(accountId, stpMode);
                if (!answer.accepted())
                {
                    return refused("account " + accountId, answer);
                }
                account = accountId;
            }
            else
            {
                account = createNextAccount(admin, stpMode);
                if (account < 0)
                {
                    return 1;
                }
            }
            out.println("Account " + account + " created.");
            for (final Deposit deposit : funding)
            {
                final Answer answer = admin.deposit(account, deposit.asset().assetId(), deposit.units());
                if (!answer.accepted())
                {
                    return refused("the deposit of " + deposit.text(), answer);
                }
                out.println("  deposited " + deposit.text());
            }
            out.flush();
            return noKey ? 0 : createApiKey(admin, account, out);
        }

        /**
         * The next id after the highest known; another tool may take it first, and then the engine says
         * DUPLICATE_ACCOUNT and the one after is tried.
         */
        private long createNextAccount(final EngineAdmin admin, final StpMode stpMode)
        {
            long candidate = admin.highestAccountId() + 1;
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++, candidate++)
            {
                final Answer answer = admin.createAccount(candidate, stpMode);
                if (answer.accepted())
                {
                    return candidate;
                }
                if (answer.rejectReason() != RejectReason.DUPLICATE_ACCOUNT)
                {
                    refused("account " + candidate, answer);
                    return -1;
                }
            }
            spec.commandLine().getErr().println("bourse admin: " + MAX_ATTEMPTS + " account ids from " +
                (candidate - MAX_ATTEMPTS) + " were taken: give one with --account");
            return -1;
        }

        private StpMode stpMode()
        {
            return switch (stp.toLowerCase(Locale.ROOT))
            {
                case "cancel-newest" -> StpMode.CANCEL_NEWEST;
                case "cancel-oldest" -> StpMode.CANCEL_OLDEST;
                case "cancel-both" -> StpMode.CANCEL_BOTH;
                default -> throw new ParameterException(spec.commandLine(),
                    "--stp must be cancel-newest, cancel-oldest or cancel-both, not " + stp);
            };
        }

        /** Every --deposit checked against the engine's assets before anything is sent. */
        private List<Deposit> deposits(final EngineAdmin admin)
        {
            final List<Deposit> funding = new ArrayList<>();
            for (final Map.Entry<String, String> entry : deposits.entrySet())
            {
                final Asset asset = admin.assets().get(entry.getKey().toUpperCase(Locale.ROOT));
                if (asset == null)
                {
                    throw new ParameterException(spec.commandLine(), "--deposit: the engine has no asset " +
                        entry.getKey() + " (it has " + String.join(", ", admin.assets().keySet()) + ")");
                }
                funding.add(new Deposit(asset, units(entry.getValue(), asset), entry.getValue() + " " + asset.code()));
            }
            return funding;
        }

        private long units(final String amount, final Asset asset)
        {
            final BigDecimal value;
            try
            {
                value = new BigDecimal(amount);
            }
            catch (final NumberFormatException ex)
            {
                throw new ParameterException(spec.commandLine(), "--deposit " + asset.code() + ": '" + amount +
                    "' is not a decimal number such as 2.5");
            }
            if (value.signum() <= 0 || value.stripTrailingZeros().scale() > asset.scale())
            {
                throw new ParameterException(spec.commandLine(), "--deposit " + asset.code() + ": must be positive " +
                    "with at most " + asset.scale() + " decimals, not " + amount);
            }
            try
            {
                return value.movePointRight(asset.scale()).longValueExact();
            }
            catch (final ArithmeticException ex)
            {
                throw new ParameterException(spec.commandLine(), "--deposit " + asset.code() + ": " + amount + " is too large");
            }
        }

        private record Deposit(Asset asset, long units, String text)
        {
        }
    }

    @Command(
        name = "create-api-key",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a new API key for an existing account (its other keys stay valid).",
            ""})
    static final class CreateApiKey extends AdminCall
    {
        @Option(names = "--account", paramLabel = "ID", required = true, description = "The account.")
        long accountId;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            return createApiKey(admin, accountId, out);
        }
    }
}
