package bourse.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bourse.sbe.BalanceChangedEncoder;
import bourse.sbe.BalanceReason;
import bourse.sbe.MessageHeaderDecoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.NewOrderDecoder;
import bourse.sbe.OrderCancelledEncoder;
import bourse.sbe.CancelReason;
import bourse.sbe.OrderType;
import bourse.sbe.Side;
import bourse.sbe.StpMode;
import bourse.sbe.TimeInForce;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

class TestingSupportTest
{
    @Test
    void shouldEncodeNewOrderWithAutomaticStampAndDefaults()
    {
        final Command command = Commands.newOrder().account(7).instrument(3).clientOrderId("abc").sell()
            .stopLimit(2_900_000, 2_800_000).quantity(5).fok().stp(StpMode.CANCEL_BOTH).sequence(42).build();

        final NewOrderDecoder decoder = new NewOrderDecoder()
            .wrapAndApplyHeader(command.buffer(), command.offset(), new MessageHeaderDecoder());
        assertThat(command.length()).isEqualTo(MessageHeaderDecoder.ENCODED_LENGTH + NewOrderDecoder.BLOCK_LENGTH);
        assertThat(decoder.sequence()).isEqualTo(42);
        assertThat(decoder.timestampNs()).isEqualTo(42_000_000L);
        assertThat(decoder.correlationId()).isEqualTo(42);
        assertThat(decoder.sourceId()).isEqualTo(1);
        assertThat(decoder.accountId()).isEqualTo(7);
        assertThat(decoder.instrumentId()).isEqualTo(3);
        assertThat(decoder.clientOrderId()).isEqualTo("abc");
        assertThat(decoder.side()).isEqualTo(Side.SELL);
        assertThat(decoder.orderType()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(decoder.timeInForce()).isEqualTo(TimeInForce.FOK);
        assertThat(decoder.stpMode()).isEqualTo(StpMode.CANCEL_BOTH);
        assertThat(decoder.price()).isEqualTo(2_800_000);
        assertThat(decoder.stopPrice()).isEqualTo(2_900_000);
        assertThat(command.toString()).contains("SELL STOP_LIMIT FOK", "clOrdId='abc'");
    }

    @Test
    void shouldNumberCommandsMonotonicallyWhenNoSequenceIsSet()
    {
        final Command first = Commands.cancelOrder().orderId(1).build();
        final Command second = Commands.cancelOrder().orderId(1).build();

        assertThat(sequenceOf(second)).isGreaterThan(sequenceOf(first));
    }

    @Test
    void shouldDescribeRawEnumValues()
    {
        assertThat(Commands.newOrder().sideRaw(9).build().toString()).contains("raw(9)");
    }

    @Test
    void shouldDecodeEventBatch()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final int first = MessageHeaderEncoder.ENCODED_LENGTH + new OrderCancelledEncoder()
            .wrapAndApplyHeader(buffer, 4, header)
            .sequence(1).timestampNs(2).sourceId(3).correlationId(4).orderId(5).accountId(6).instrumentId(7)
            .clientOrderId("x-1").reason(CancelReason.USER).cancelledQuantity(8).filledQuantity(9)
            .encodedLength();
        final int second = MessageHeaderEncoder.ENCODED_LENGTH + new BalanceChangedEncoder()
            .wrapAndApplyHeader(buffer, 4 + first, header)
            .sequence(1).timestampNs(2).sourceId(3).correlationId(4).accountId(6).assetId(2)
            .reason(BalanceReason.ORDER_RELEASE).total(100).held(0)
            .encodedLength();

        assertThat(EventDecoding.decode(buffer, 4, first + second)).containsExactly(
            new EngineEvent.OrderCancelled(1, 2, 3, 4, 5, 6, 7, "x-1", CancelReason.USER, 8, 9),
            new EngineEvent.BalanceChanged(1, 2, 3, 4, 6, 2, BalanceReason.ORDER_RELEASE, 100, 0));
    }

    @Test
    void shouldRefuseUnknownTemplates()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        new MessageHeaderEncoder().wrap(buffer, 0).blockLength(0).templateId(99).schemaId(7).version(0);

        assertThatThrownBy(() -> EventDecoding.decode(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH))
            .hasMessageContaining("unknown event template id 99");
    }

    @Test
    void shouldSpellNonPrintableBytesInFixedStrings()
    {
        assertThat(EventDecoding.fixedString(new byte[] {'a', 0, 'b', 0, 0})).isEqualTo("a\\x00b");
        assertThat(EventDecoding.fixedString(new byte[] {0, 0})).isEmpty();
    }

    private static long sequenceOf(final Command command)
    {
        return new NewOrderDecoder().wrap(command.buffer(), command.offset() + 8, 0, 0).sequence();
    }
}
