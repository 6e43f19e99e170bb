package bourse.engine.service;

import bourse.sbe.DepositEncoder;
import bourse.sbe.MessageHeaderEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastCorrelationIdsTest
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
    private final LastCorrelationIds table = new LastCorrelationIds();

    @Test
    void shouldTreatACorrelationIdNotAboveTheSourcesLastAsAResend()
    {
        sequence(1, 10);
        sequence(2, 3);

        assertThat(isResend(1, 10)).isTrue();
        assertThat(isResend(1, 9)).isTrue();
        assertThat(isResend(1, 11)).isFalse();
        assertThat(isResend(2, 4)).isFalse();
        assertThat(isResend(3, 1)).as("a source never seen").isFalse();
        assertThat(isResend(3, Long.MIN_VALUE)).isFalse();
    }

    @Test
    void shouldBeRebuiltExactlyFromTheSequencedCommands()
    {
        sequence(1, 5);
        sequence(2, 7);
        sequence(1, 6);

        final LastCorrelationIds rebuilt = new LastCorrelationIds();
        for (final long[] command : new long[][] {{1, 5}, {2, 7}, {1, 6}})
        {
            final int length = deposit((int)command[0], command[1]);
            rebuilt.onSequenced(buffer, 0, length);
        }

        assertThat(rebuilt.lastCorrelationId(1)).isEqualTo(table.lastCorrelationId(1)).isEqualTo(6);
        assertThat(rebuilt.lastCorrelationId(2)).isEqualTo(table.lastCorrelationId(2)).isEqualTo(7);
    }

    @Test
    void shouldIgnoreFramesOfAnotherSchemaOrTooShortForASource()
    {
        final int length = deposit(1, 99);
        buffer.putShort(4, (short)42);
        table.onSequenced(buffer, 0, length);
        table.onSequenced(buffer, 0, 20);

        assertThat(table.lastCorrelationId(1)).isEqualTo(Long.MIN_VALUE);
        assertThat(table.isResend(buffer, 0, length)).isFalse();
    }

    @Test
    void shouldLoadExactlyTheTableItWroteInSourceOrder()
    {
        sequence(9, 90);
        sequence(-3, 30);
        sequence(1, 10);
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer(8);
        final int length = table.write(image, 5);

        final LastCorrelationIds loaded = new LastCorrelationIds();
        loaded.onSequenced(buffer, 0, deposit(4, 40));
        loaded.load(image, 5, length);

        assertThat(length).isEqualTo(4 + 3 * 12);
        assertThat(image.getInt(5 + 4, ByteOrder.LITTLE_ENDIAN)).as("the lowest source first").isEqualTo(-3);
        assertThat(loaded.lastCorrelationId(9)).isEqualTo(90);
        assertThat(loaded.lastCorrelationId(-3)).isEqualTo(30);
        assertThat(loaded.lastCorrelationId(1)).isEqualTo(10);
        assertThat(loaded.lastCorrelationId(4)).as("replaced, not merged").isEqualTo(Long.MIN_VALUE);
        final ExpandableArrayBuffer again = new ExpandableArrayBuffer(8);
        assertThat(loaded.write(again, 0)).isEqualTo(length);
        final byte[] written = new byte[length];
        final byte[] rewritten = new byte[length];
        image.getBytes(5, written);
        again.getBytes(0, rewritten);
        assertThat(rewritten).as("equal tables, equal bytes").isEqualTo(written);
    }

    @Test
    void shouldRefuseBytesThatAreNotATableAndKeepWhatItHad()
    {
        sequence(1, 10);
        final ExpandableArrayBuffer image = new ExpandableArrayBuffer(64);
        final int length = table.write(image, 0);

        assertThatThrownBy(() -> table.load(image, 0, length - 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cannot hold");
        image.putInt(0, -1, ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> table.load(image, 0, length)).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.lastCorrelationId(1)).isEqualTo(10);
    }

    private void sequence(final int sourceId, final long correlationId)
    {
        table.onSequenced(buffer, 0, deposit(sourceId, correlationId));
    }

    private boolean isResend(final int sourceId, final long correlationId)
    {
        return table.isResend(buffer, 0, deposit(sourceId, correlationId));
    }

    private int deposit(final int sourceId, final long correlationId)
    {
        final DepositEncoder deposit = new DepositEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .sourceId(sourceId).correlationId(correlationId).accountId(1).assetId(1).amount(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + deposit.encodedLength();
    }
}
