package bourse.platform;

import bourse.gateway.ApiKey;
import bourse.platform.admin.EngineAdmin;
import bourse.platform.admin.EngineAdmin.Answer;
import bourse.platform.admin.EngineAdmin.Asset;
import bourse.sbe.RejectReason;
import bourse.sbe.StpMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bourse admin}'s commands for accounts: opening and funding them, and their API keys. */
final class AdminAccountCommands
{
    private AdminAccountCommands()
    {
    }

    @Command(
        name = "create-account",
        mixinStandardHelpOptions = true,
        description = {
            "Opens an account, funds it and prints a new API key for it.",
            "",
            "  bourse admin create-account --engine-data DIR --deposit USD=100000 --deposit BTC=2.5",
            ""})
    static final class CreateAccount extends AdminCommand.AdminCall
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
            final List<Funding> funding = deposits(admin);
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
            for (final Funding deposit : funding)
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
        private List<Funding> deposits(final EngineAdmin admin)
        {
            final List<Funding> funding = new ArrayList<>();
            for (final Map.Entry<String, String> entry : deposits.entrySet())
            {
                final Asset asset = asset(admin, "--deposit", entry.getKey());
                funding.add(new Funding(asset, units("--deposit " + asset.code(), entry.getValue(), asset.scale()),
                    entry.getValue() + " " + asset.code()));
            }
            return funding;
        }

        private record Funding(Asset asset, long units, String text)
        {
        }
    }

    @Command(name = "deposit", mixinStandardHelpOptions = true, description = {"Funds an existing account.", ""})
    static final class Deposit extends AdminCommand.AdminCall
    {
        @Option(names = "--account", paramLabel = "ID", required = true, description = "The account.")
        long accountId;

        @Option(names = "--amount", paramLabel = "ASSET=AMOUNT", required = true, description = "Such as USD=1000.50.")
        Map<String, String> amount = new LinkedHashMap<>();

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            for (final Map.Entry<String, String> entry : amount.entrySet())
            {
                final Asset asset = asset(admin, "--amount", entry.getKey());
                final Answer answer = admin.deposit(accountId, asset.assetId(), units("--amount " + asset.code(), entry.getValue(), asset.scale()));
                if (!answer.accepted())
                {
                    return refused("the deposit of " + entry.getValue() + " " + asset.code(), answer);
                }
                out.println("Deposited " + entry.getValue() + " " + asset.code() + " to account " + accountId + ".");
            }
            out.flush();
            return 0;
        }
    }

    @Command(
        name = "create-api-key",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a new API key for an existing account (its other keys stay valid).",
            ""})
    static final class CreateApiKey extends AdminCommand.AdminCall
    {
        @Option(names = "--account", paramLabel = "ID", required = true, description = "The account.")
        long accountId;

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            return createApiKey(admin, accountId, out);
        }
    }

    @Command(
        name = "revoke-api-key",
        mixinStandardHelpOptions = true,
        description = {
            "Revokes one API key of an account: gateways refuse it from then on.",
            "Give the key itself, or the SHA-256 hash of it that the journal and events carry.",
            ""})
    static final class RevokeApiKey extends AdminCommand.AdminCall
    {
        private static final int SHA_256_BYTES = 32;

        @Option(names = "--account", paramLabel = "ID", required = true, description = "The account.")
        long accountId;

        @ArgGroup(multiplicity = "1")
        KeyOrHash which;

        static final class KeyOrHash
        {
            @Option(names = "--key", paramLabel = "API_KEY", required = true, description = "The key (bk_...).")
            String key;

            @Option(names = "--hash", paramLabel = "HEX", required = true, description = "The key's SHA-256, 64 hex digits.")
            String hash;
        }

        @Override
        int run(final EngineAdmin admin, final PrintWriter out)
        {
            final byte[] keyHash;
            if (which.key != null)
            {
                keyHash = ApiKey.hashOf(which.key);
            }
            else
            {
                try
                {
                    keyHash = HexFormat.of().parseHex(which.hash);
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new ParameterException(spec.commandLine(), "--hash: 64 hex digits, not '" + which.hash + "'");
                }
                if (keyHash.length != SHA_256_BYTES)
                {
                    throw new ParameterException(spec.commandLine(), "--hash: 64 hex digits, not " + which.hash.length());
                }
            }
            final Answer answer = admin.revokeApiKey(accountId, keyHash);
            if (!answer.accepted())
            {
                return refused("the revocation", answer);
            }
            out.println("API key " + HexFormat.of().formatHex(keyHash).substring(0, 12) + "… of account " + accountId + " revoked.");
            out.flush();
            return 0;
        }
    }
}
