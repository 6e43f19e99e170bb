package bourse.engine.journal;

/**
 * What one {@link JournalReader#read} call did.
 *
 * @param entriesRead  entries handed to the handler by this call.
 * @param nextSequence the sequence after the last one delivered: where a later call continues.
 * @param corruption   the first batch that failed a check, or {@code null} when everything read was intact
 *                     (the read stopped at the end of what is written, or at the requested bound).
 */
public record JournalReadResult(long entriesRead, long nextSequence, JournalCorruption corruption)
{
    public boolean isCorrupt()
    {
        return corruption != null;
    }
}
