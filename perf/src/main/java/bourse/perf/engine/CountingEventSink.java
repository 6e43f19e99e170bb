package bourse.perf.engine;

import bourse.engine.EventSink;
import bourse.sbe.CommandRejectedDecoder;
import bourse.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

/**
 * The least a real consumer of the engine's output does: frames every event of the batch by its header
 * and counts it, and counts rejects. The counts are read after each run, so the JIT cannot drop the work.
 */
final class CountingEventSink implements EventSink
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private long batches;
    private long events;
    private long rejects;
    private long bytes;

    @Override
    public void onEvents(final DirectBuffer buffer, final int offset, final int length)
    {
        int position = offset;
        final int end = offset + length;
        while (position < end)
        {
            header.wrap(buffer, position);
            if (header.templateId() == CommandRejectedDecoder.TEMPLATE_ID)
            {
                rejects++;
            }
            events++;
            position += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
        }
        batches++;
        bytes += length;
    }

    long batches()
    {
        return batches;
    }

    long events()
    {
        return events;
    }

    long rejects()
    {
        return rejects;
    }

    long bytes()
    {
        return bytes;
    }
}
