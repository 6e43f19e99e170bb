package bourse.engine;

import org.agrona.DirectBuffer;

/**
 * Receives the events of one command: SBE messages (header and fixed block each) laid end to end.
 * Called once per command, on the engine thread; the buffer is only valid during the call.
 */
@FunctionalInterface
public interface EventSink
{
    void onEvents(DirectBuffer buffer, int offset, int length);
}
