package bourse.perf.engine;

/**
 * What a generated workload's benchmark commands are and what they did to the engine that generated
 * them: the command mix, rejects, trades, and the book's size averaged over every command.
 */
public final class WorkloadShape
{
    private final long gtcOrders;
    private final long iocOrders;
    private final long cancels;
    private final long amends;
    private final long rejects;
    private final long trades;
    private final long tradingCommands;
    private final double meanRestingOrders;
    private final double meanPriceLevels;

    WorkloadShape(
        final long gtcOrders,
        final long iocOrders,
        final long cancels,
        final long amends,
        final long rejects,
        final long trades,
        final long tradingCommands,
        final double meanRestingOrders,
        final double meanPriceLevels)
    {
        this.gtcOrders = gtcOrders;
        this.iocOrders = iocOrders;
        this.cancels = cancels;
        this.amends = amends;
        this.rejects = rejects;
        this.trades = trades;
        this.tradingCommands = tradingCommands;
        this.meanRestingOrders = meanRestingOrders;
        this.meanPriceLevels = meanPriceLevels;
    }

    public long commands()
    {
        return gtcOrders + iocOrders + cancels + amends;
    }

    public long gtcOrders()
    {
        return gtcOrders;
    }

    public long iocOrders()
    {
        return iocOrders;
    }

    public long cancels()
    {
        return cancels;
    }

    public long amends()
    {
        return amends;
    }

    /** Benchmark commands the engine refused with {@code CommandRejected}. */
    public long rejects()
    {
        return rejects;
    }

    public double rejectRate()
    {
        return commands() == 0 ? 0 : (double)rejects / commands();
    }

    public long trades()
    {
        return trades;
    }

    /** Benchmark commands that caused at least one trade (exchange-core's mix: about 6 %). */
    public long tradingCommands()
    {
        return tradingCommands;
    }

    /** Resting orders after each benchmark command, averaged. */
    public double meanRestingOrders()
    {
        return meanRestingOrders;
    }

    /** Occupied price levels (both sides) after each benchmark command, averaged. */
    public double meanPriceLevels()
    {
        return meanPriceLevels;
    }

    @Override
    public String toString()
    {
        return "WorkloadShape{commands=" + commands() + " gtc=" + gtcOrders + " ioc=" + iocOrders +
            " cancels=" + cancels + " amends=" + amends + " rejects=" + rejects + " trades=" + trades + " tradingCommands=" + tradingCommands +
            " meanRestingOrders=" + meanRestingOrders + " meanPriceLevels=" + meanPriceLevels + "}";
    }
}
