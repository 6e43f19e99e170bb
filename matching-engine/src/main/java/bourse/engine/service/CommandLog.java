package bourse.engine.service;

import bourse.engine.MatchingEngine;
import org.agrona.DirectBuffer;

/**
 * Where the engine service records each command once it is sequenced: the seam for the input journal.
 * Called on the engine thread with the stamped command (sequence and timestamp set) before the engine
 * applies it, so that nothing the engine publishes can come from a command the log does not hold.
 * The buffer is only valid during the call.
 * <p>
 * A log may commit commands one by one (the default) or in groups: the engine agent opens a group for
 * each poll with {@link #beginGroup()} and closes it with {@link #commitGroup()}, and a log that groups
 * says so, so that the agent holds back the group's events until the group is committed.
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

    /**
     * Opens a group: the commands given to {@link #onSequenced} until {@link #commitGroup()} may be
     * committed together, at the end. Returns whether the log does group them; if it does, the caller
     * must publish none of the group's events before {@link #commitGroup()} has returned, because
     * until then the commands they come from may not be durable. The default commits each command
     * in {@link #onSequenced}, so it returns false and there is nothing to hold back.
     */
    default boolean beginGroup()
    {
        return false;
    }

    /**
     * The timestamp of the last command the log holds from before this process (0 when none): the engine
     * stamps no command earlier, so timestamps never go backwards across a restart.
     */
    default long lastTimestampNs()
    {
        return 0;
    }

    /** Commits every command given since {@link #beginGroup()}; afterwards their events may be published. */
    default void commitGroup()
    {
    }
}
