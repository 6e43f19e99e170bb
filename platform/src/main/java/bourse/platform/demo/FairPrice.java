package bourse.platform.demo;

import java.util.SplittableRandom;

/**
 * The price the simulated traders believe an instrument is worth: a random walk in the instrument's
 * demo steps, pulled back towards the reference price so that a long run stays in a sensible range.
 * Only the traders see it; the market shows whatever their orders make of it.
 */
final class FairPrice
{
    /** At this distance from the reference (parts per million) an up-step is as unlikely as it gets. */
    private static final long PULL_RANGE_PPM = 30_000;
    private static final int MIN_UP_PERCENT = 20;
    private static final int MAX_UP_PERCENT = 80;

    private final InstrumentSpec instrument;
    private long price;

    FairPrice(final InstrumentSpec instrument)
    {
        this.instrument = instrument;
        this.price = instrument.referencePrice();
    }

    InstrumentSpec instrument()
    {
        return instrument;
    }

    /** In price units, always a whole number of demo steps from the reference, so always on tick. */
    long price()
    {
        return price;
    }

    /** One step up or down; above the reference a down-step is likelier, below it an up-step. */
    void walk(final SplittableRandom random)
    {
        final long reference = instrument.referencePrice();
        final long deviationPpm = (price - reference) * 1_000_000 / reference;
        final long upPercent = Math.max(MIN_UP_PERCENT, Math.min(MAX_UP_PERCENT, 50 - deviationPpm * 30 / PULL_RANGE_PPM));
        price += random.nextInt(100) < upPercent ? instrument.step() : -instrument.step();
    }
}
