package bourse.engine.service;

import bourse.engine.EventSink;
import bourse.sbe.CommandRejectedEncoder;
import bourse.sbe.MessageHeaderEncoder;
import bourse.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The service's own answers to frames it does not hand to the engine, in the engine's event form: a
 * {@code CommandRejected} with sequence 0, because these frames are never sequenced, journaled or
 * applied. Like every reject, they change nothing for any consumer.
 */
final class UnsequencedRejects
{
    private static final long NOT_SEQUENCED = 0;
    private static final String NO_CLIENT_ORDER_ID = "";

    private final EventSink events;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(
        MessageHeaderEncoder.ENCODED_LENGTH + CommandRejectedEncoder.BLOCK_LENGTH);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandRejectedEncoder rejected = new CommandRejectedEncoder();

    UnsequencedRejects(final EventSink events)
    {
        this.events = events;
    }

    /** A resend of a command already applied: DUPLICATE_COMMAND, echoing its source and correlation id. */
    void duplicate(final DirectBuffer command, final int offset, final int length, final long timestampNs)
    {
        publish(
            CommandFrames.templateId(command, offset, length),
            RejectReason.DUPLICATE_COMMAND,
            timestampNs,
            CommandFrames.sourceId(command, offset),
            CommandFrames.correlationId(command, offset));
    }

    /**
     * A frame too short to carry a sequence: UNKNOWN_COMMAND, as the engine answers such frames. The
     * engine is not given it because it would take the missing sequence for 0 and report that as its
     * last one.
     */
    void tooShort(final DirectBuffer command, final int offset, final int length, final long timestampNs)
    {
        publish(CommandFrames.templateId(command, offset, length), RejectReason.UNKNOWN_COMMAND, timestampNs, 0, 0);
    }

    private void publish(
        final int commandTemplateId,
        final RejectReason reason,
        final long timestampNs,
        final int sourceId,
        final long correlationId)
    {
        rejected.wrapAndApplyHeader(buffer, 0, header)
            .sequence(NOT_SEQUENCED)
            .timestampNs(timestampNs)
            .sourceId(sourceId)
            .correlationId(correlationId)
            .commandTemplateId(commandTemplateId)
            .reason(reason)
            .accountId(0)
            .instrumentId(0)
            .orderId(0)
            .clientOrderId(NO_CLIENT_ORDER_ID);
        events.onEvents(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + rejected.encodedLength());
    }
}
