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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What docs/market-data.md promises of the wire format, held to the generated codecs. */
class WireFormatTest
{
    @Test
    void shouldStartEveryMessageWithTheSameSequenceFieldsAtTheSameOffsets()
    {
        final List<int[]> prefixes = List.of(
            new int[]{InstrumentDefinitionEncoder.channelSequenceEncodingOffset(), InstrumentDefinitionEncoder.instrumentSequenceEncodingOffset(),
                InstrumentDefinitionEncoder.engineSequenceEncodingOffset(), InstrumentDefinitionEncoder.timestampNsEncodingOffset(),
                InstrumentDefinitionEncoder.instrumentIdEncodingOffset()},
            new int[]{BookUpdateEncoder.channelSequenceEncodingOffset(), BookUpdateEncoder.instrumentSequenceEncodingOffset(),
                BookUpdateEncoder.engineSequenceEncodingOffset(), BookUpdateEncoder.timestampNsEncodingOffset(),
                BookUpdateEncoder.instrumentIdEncodingOffset()},
            new int[]{TradeUpdateEncoder.channelSequenceEncodingOffset(), TradeUpdateEncoder.instrumentSequenceEncodingOffset(),
                TradeUpdateEncoder.engineSequenceEncodingOffset(), TradeUpdateEncoder.timestampNsEncodingOffset(),
                TradeUpdateEncoder.instrumentIdEncodingOffset()},
            new int[]{TickerEncoder.channelSequenceEncodingOffset(), TickerEncoder.instrumentSequenceEncodingOffset(),
                TickerEncoder.engineSequenceEncodingOffset(), TickerEncoder.timestampNsEncodingOffset(),
                TickerEncoder.instrumentIdEncodingOffset()},
            new int[]{CandleUpdateEncoder.channelSequenceEncodingOffset(), CandleUpdateEncoder.instrumentSequenceEncodingOffset(),
                CandleUpdateEncoder.engineSequenceEncodingOffset(), CandleUpdateEncoder.timestampNsEncodingOffset(),
                CandleUpdateEncoder.instrumentIdEncodingOffset()},
            new int[]{StatusUpdateEncoder.channelSequenceEncodingOffset(), StatusUpdateEncoder.instrumentSequenceEncodingOffset(),
                StatusUpdateEncoder.engineSequenceEncodingOffset(), StatusUpdateEncoder.timestampNsEncodingOffset(),
                StatusUpdateEncoder.instrumentIdEncodingOffset()},
            new int[]{BookChecksumEncoder.channelSequenceEncodingOffset(), BookChecksumEncoder.instrumentSequenceEncodingOffset(),
                BookChecksumEncoder.engineSequenceEncodingOffset(), BookChecksumEncoder.timestampNsEncodingOffset(),
                BookChecksumEncoder.instrumentIdEncodingOffset()},
            new int[]{InstrumentSnapshotEncoder.channelSequenceEncodingOffset(), InstrumentSnapshotEncoder.instrumentSequenceEncodingOffset(),
                InstrumentSnapshotEncoder.engineSequenceEncodingOffset(), InstrumentSnapshotEncoder.timestampNsEncodingOffset(),
                InstrumentSnapshotEncoder.instrumentIdEncodingOffset()});

        assertThat(prefixes).allSatisfy(offsets -> assertThat(offsets).containsExactly(0, 8, 16, 24, 32));
    }

    @Test
    void shouldBeVersionOneOfTheBourseSchema()
    {
        assertThat(MessageHeaderEncoder.SCHEMA_VERSION).isEqualTo(1);
        assertThat(BookUpdateEncoder.TEMPLATE_ID).isEqualTo(202);
        assertThat(InstrumentSnapshotEncoder.TEMPLATE_ID).isEqualTo(210);
    }
}
