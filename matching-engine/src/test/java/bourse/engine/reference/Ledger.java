package bourse.engine.reference;

import bourse.engine.testing.EngineEvent;
import bourse.sbe.BalanceReason;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Follows every balance an engine reports and checks the rulebook's money invariants: no total, held or
 * available balance is ever negative, the state dump shows exactly the balances the events announced (so
 * no change went unreported), and for every asset the accounts' totals plus the fees collected equal
 * deposits minus withdrawals.
 */
final class Ledger
{
    /** "account:asset" → {total, held} as the last BalanceChanged said. */
    private final Map<String, long[]> balances = new TreeMap<>();
    private final Map<Integer, BigInteger> depositedLessWithdrawn = new TreeMap<>();

    /** Returns a description of the first broken invariant in a command's events, or null. */
    String record(final Iterable<EngineEvent> events)
    {
        for (final EngineEvent event : events)
        {
            if (event instanceof EngineEvent.BalanceChanged change)
            {
                if (change.held() < 0 || change.total() < change.held())
                {
                    return "negative balance (total, held or available) in " + change;
                }
                final long[] before = balances.getOrDefault(key(change.accountId(), change.assetId()), new long[2]);
                final long movedIn = change.total() - before[0];
                if (change.reason() == BalanceReason.DEPOSIT || change.reason() == BalanceReason.WITHDRAWAL)
                {
                    depositedLessWithdrawn.merge(change.assetId(), BigInteger.valueOf(movedIn), BigInteger::add);
                }
                balances.put(key(change.accountId(), change.assetId()), new long[]{change.total(), change.held()});
            }
        }
        return null;
    }

    /** Returns a description of the first broken invariant between the events so far and a state dump, or null. */
    String check(final String dump)
    {
        final Map<String, long[]> dumped = new TreeMap<>();
        final Map<Integer, BigInteger> owned = new TreeMap<>();
        long account = 0;
        for (final String line : dump.split("\n"))
        {
            final String[] words = line.strip().split(" ");
            if (line.startsWith("account "))
            {
                account = Long.parseLong(words[1]);
            }
            else if (line.startsWith("  balance "))
            {
                final int asset = Integer.parseInt(words[1]);
                final long total = Long.parseLong(words[2].substring("total=".length()));
                final long held = Long.parseLong(words[3].substring("held=".length()));
                if (held < 0 || total < held)
                {
                    return "negative balance in the dump: account " + account + line;
                }
                dumped.put(key(account, asset), new long[]{total, held});
                owned.merge(asset, BigInteger.valueOf(total), BigInteger::add);
            }
            else if (line.startsWith("fees "))
            {
                owned.merge(Integer.parseInt(words[1]), new BigInteger(words[2]), BigInteger::add);
            }
        }
        for (final Map.Entry<String, long[]> reported : balances.entrySet())
        {
            final long[] value = reported.getValue();
            final long[] inDump = dumped.getOrDefault(reported.getKey(), new long[2]);
            if (value[0] != inDump[0] || value[1] != inDump[1])
            {
                return "balance " + reported.getKey() + " was last reported as total=" + value[0] + " held=" +
                    value[1] + " but the dump says total=" + inDump[0] + " held=" + inDump[1];
            }
        }
        for (final String key : dumped.keySet())
        {
            if (!balances.containsKey(key))
            {
                return "balance " + key + " is in the dump but no event ever reported it";
            }
        }
        final Set<Integer> assets = new TreeSet<>(owned.keySet());
        assets.addAll(depositedLessWithdrawn.keySet());
        for (final int asset : assets)
        {
            final BigInteger inAccountsAndFees = owned.getOrDefault(asset, BigInteger.ZERO);
            final BigInteger paidIn = depositedLessWithdrawn.getOrDefault(asset, BigInteger.ZERO);
            if (!inAccountsAndFees.equals(paidIn))
            {
                return "asset " + asset + ": totals plus fees are " + inAccountsAndFees +
                    " but deposits minus withdrawals are " + paidIn;
            }
        }
        return null;
    }

    private static String key(final long accountId, final int assetId)
    {
        return accountId + ":" + assetId;
    }
}
