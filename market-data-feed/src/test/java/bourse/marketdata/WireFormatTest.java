package bourse.marketdata;

import bourse.sbe.BookChecksumEncoder;
import bourse.sbe.BookUpdateEncoder;
import bourse.sbe.CandleUpdateEncoder;
import bourse.sbe.InstrumentDefinitionEncoder;
import bourse.sbe.InstrumentSnapshotEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.StatusUpdateEncoder;
import bourse.sbe.TickerEncoder;
import bourse.sbe.TradeUpdateEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What docs/market-data.md promises of the wire format, held to the generated codecs. */
class WireFormatTest
{
    private static final List<Class<?>> MESSAGES = List.of(InstrumentDefinitionEncoder.class, BookUpdateEncoder.class,
        TradeUpdateEncoder.class, TickerEncoder.class, CandleUpdateEncoder.class, StatusUpdateEncoder.class,
        BookChecksumEncoder.class, InstrumentSnapshotEncoder.class);
    private static final List<String> PREFIX = List.of(
        "channelSequence", "instrumentSequence", "engineSequence", "timestampNs", "instrumentId");

    @Test
    void shouldStartEveryMessageWithTheSameSequenceFieldsAtTheSameOffsets() throws ReflectiveOperationException
    {
        for (final Class<?> message : MESSAGES)
        {
            final List<Object> offsets = new ArrayList<>();
            for (final String field : PREFIX)
            {
                offsets.add(message.getMethod(field + "EncodingOffset").invoke(null));
            }
            assertThat(offsets).as(message.getSimpleName()).containsExactly(0, 8, 16, 24, 32);
        }
    }

    @Test
    void shouldBePartOfTheBourseSchemaSinceVersionOne()
    {
        assertThat(MessageHeaderEncoder.SCHEMA_VERSION).isGreaterThanOrEqualTo(1);
        assertThat(BookUpdateEncoder.TEMPLATE_ID).isEqualTo(202);
        assertThat(InstrumentSnapshotEncoder.TEMPLATE_ID).isEqualTo(210);
    }
}
