package bourse.engine.reference;

import bourse.sbe.StpMode;
import java.util.TreeMap;

/** An account: its default self-trade prevention mode and a balance per asset. */
final class Account
{
    final long accountId;
    final StpMode stpMode;
    /** By asset id; a missing entry is a zero balance. */
    final TreeMap<Integer, Balance> balances = new TreeMap<>();

    Account(final long accountId, final StpMode stpMode)
    {
        this.accountId = accountId;
        this.stpMode = stpMode;
    }

    Balance balance(final int assetId)
    {
        return balances.computeIfAbsent(assetId, id -> new Balance());
    }

    long available(final int assetId)
    {
        final Balance balance = balance(assetId);
        return balance.total - balance.held;
    }

    /** One asset of one account: {@code available = total − held}. */
    static final class Balance
    {
        long total;
        long held;
    }
}
