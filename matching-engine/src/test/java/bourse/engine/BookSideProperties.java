package bourse.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A side of the book keeps its levels in best-first order whatever mix of creates, removals and
 * reprices it sees: the same prices, in the same order, as a sorted set given the same operations.
 */
class BookSideProperties
{
    @Property(tries = 300)
    void shouldKeepLevelsInPriceOrderThroughCreatesRemovalsAndReprices(
        @ForAll final boolean highestIsBest, @ForAll("operations") final List<int[]> operations)
    {
        final BookSide side = new BookSide(highestIsBest, new LevelPool());
        final TreeSet<Long> model = new TreeSet<>(highestIsBest ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        for (final int[] operation : operations)
        {
            final long price = operation[1];
            switch (operation[0])
            {
                case 0 ->
                {
                    assertThat(side.findOrCreate(price).price).isEqualTo(price);
                    model.add(price);
                }
                case 1 ->
                {
                    final PriceLevel level = side.find(price);
                    assertThat(level != null).isEqualTo(model.contains(price));
                    if (level != null)
                    {
                        side.removeLevel(level);
                        model.remove(price);
                    }
                }
                default ->
                {
                    if (!model.isEmpty())
                    {
                        final long from = new ArrayList<>(model).get(operation[2] % model.size());
                        final PriceLevel moved = side.reprice(side.find(from), price);
                        assertThat(moved.price).isEqualTo(price);
                        assertThat(side.find(price)).isSameAs(moved);
                        model.remove(from);
                        model.add(price);
                    }
                }
            }
            assertThat(prices(side)).containsExactlyElementsOf(model);
        }
    }

    private static List<Long> prices(final BookSide side)
    {
        final List<Long> prices = new ArrayList<>();
        for (int rank = 0; rank < side.size(); rank++)
        {
            prices.add(side.levelFromBest(rank).price);
        }
        return prices;
    }

    @Provide
    Arbitrary<List<int[]>> operations()
    {
        final Arbitrary<int[]> operation = Arbitraries.integers().between(0, 2).flatMap(kind ->
            Arbitraries.integers().between(1, 60).flatMap(price ->
                Arbitraries.integers().between(0, 1_000).map(pick -> new int[]{kind, price, pick})));
        return operation.list().ofMinSize(1).ofMaxSize(300);
    }
}
