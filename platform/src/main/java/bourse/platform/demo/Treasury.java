package bourse.platform.demo;

/**
 * Keeps the simulated traders solvent: when an account's available balance of an asset falls below
 * half of its initial funding (a maker that kept selling, a taker that kept buying), it deposits the
 * difference. Without it a long demo would slowly fill up with INSUFFICIENT_BALANCE rejects.
 */
final class Treasury
{
    private final TraderClient engine;
    private final AccountsView accounts;
    private final long[] accountIds;

    Treasury(final TraderClient engine, final AccountsView accounts, final long[] accountIds)
    {
        this.engine = engine;
        this.accounts = accounts;
        this.accountIds = accountIds.clone();
    }

    /** Sends one deposit to the first account found short of an asset; false (and nothing sent) when none is. */
    boolean topUpOne()
    {
        for (final long accountId : accountIds)
        {
            for (final AssetSpec asset : DemoMarket.ASSETS)
            {
                final long available = accounts.available(accountId, asset.assetId());
                if (available < asset.fundingPerAccount() / 2)
                {
                    engine.deposit(accountId, asset.assetId(), asset.fundingPerAccount() - available);
                    return true;
                }
            }
        }
        return false;
    }
}
