package bourse.engine.service;

import bourse.engine.MatchingEngine;
import org.agrona.DirectBuffer;

/**
 * Where the engine service records each command once it is sequenced: the seam for the input journal.
 * Called on the engine thread with the stamped command (sequence and timestamp set) before the engine
 * applies it, so that nothing the engine publishes can come from a command the log does not hold.
 * The buffer is only valid during the call.
 */
@FunctionalInterface
public interface CommandLog
{
    /**
     * Records nothing: the engine's state lives only in memory until the Chronicle Queue input journal
     * (package {@code bourse.engine.journal}) is plugged in here.
     */
    CommandLog NONE = (buffer, offset, length) -> {};

    void onSequenced(DirectBuffer buffer, int offset, int length);

    /** Called on the engine thread after the engine applied the command: where periodic snapshots are taken. */
    default void onApplied(MatchingEngine engine)
    {
    }
}
