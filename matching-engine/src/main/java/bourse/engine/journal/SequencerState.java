package bourse.engine.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * State that whoever sequences commands keeps beside the engine's and derives from the sequenced
 * commands alone, such as the engine service's resend table: recorded in each snapshot with the
 * engine's state ({@link SnapshotStore#write(bourse.engine.MatchingEngine, SequencerState)}), loaded
 * back with it, and brought up to date by recovery with every journaled command after the snapshot,
 * exactly as the engine is. So recovery reads the input journal once, from the snapshot on.
 */
public interface SequencerState
{
    /**
     * Writes the state at {@code offset}; the buffer must be able to grow or be large enough.
     *
     * @return its length in bytes, at least 1.
     */
    int write(MutableDirectBuffer buffer, int offset);

    /**
     * Replaces the state with one {@link #write} wrote; leaves it as it was when it throws.
     *
     * @throws IllegalArgumentException when the bytes are not such a state.
     */
    void load(DirectBuffer buffer, int offset, int length);

    /** One sequenced command, as when it was first sequenced; recovery replays them in order. */
    void onSequenced(DirectBuffer buffer, int offset, int length);
}
