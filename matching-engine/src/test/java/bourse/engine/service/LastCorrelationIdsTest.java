package bourse.engine.service;

import bourse.sbe.DepositEncoder;
import bourse.sbe.MessageHeaderEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
