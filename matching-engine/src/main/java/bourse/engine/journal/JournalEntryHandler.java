package bourse.engine.journal;

import org.agrona.DirectBuffer;

/**
 * Receives journal entries in sequence order. The buffer holds the entry's bytes (one SBE command, or
 * one command's event batch) only during the call.
 */
@FunctionalInterface
public interface JournalEntryHandler
{
    void onEntry(long sequence, long timestampNs, DirectBuffer buffer, int offset, int length);
}
