package bourse.engine;

import org.agrona.collections.Object2LongHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The API keys of every account, by the SHA-256 hash of the key: the engine never sees a key, only what a
 * gateway needs to recognise one. A hash belongs to one account at most.
 */
final class ApiKeys
{
    static final int HASH_LENGTH = 32;
    private static final long NO_ACCOUNT = 0;

    private final Object2LongHashMap<Hash> accountByHash = new Object2LongHashMap<>(NO_ACCOUNT);
    /** Looks a command's hash up without allocating; never stored in the map. */
    private final Hash probe = new Hash(new byte[HASH_LENGTH]);

    /** A hash of zero bytes only: what an encoder leaves when nobody set the field. */
    static boolean isBlank(final byte[] hash)
    {
        for (final byte b : hash)
        {
            if (b != 0)
            {
                return false;
            }
        }
        return true;
    }

    boolean contains(final byte[] hash)
    {
        System.arraycopy(hash, 0, probe.bytes, 0, HASH_LENGTH);
        return accountByHash.containsKey(probe);
    }

    void add(final long accountId, final byte[] hash)
    {
        accountByHash.put(new Hash(hash.clone()), accountId);
    }

    /** Removes the hash if it is this account's; returns whether it was. */
    boolean remove(final long accountId, final byte[] hash)
    {
        System.arraycopy(hash, 0, probe.bytes, 0, HASH_LENGTH);
        if (accountByHash.getValue(probe) != accountId)
        {
            return false;
        }
        accountByHash.removeKey(probe);
        return true;
    }

    int size()
    {
        return accountByHash.size();
    }

    /** One key: whose it is and its hash. */
    record Entry(long accountId, byte[] hash)
    {
    }

    /**
     * Every key by account id, then by hash (bytes compared unsigned): the order of the state dump and of
     * snapshots, whatever order the keys were added in. Allocates: not for the hot path.
     */
    List<Entry> sorted()
    {
        final List<Entry> entries = new ArrayList<>(accountByHash.size());
        accountByHash.forEachLong((hash, accountId) -> entries.add(new Entry(accountId, hash.bytes)));
        entries.sort(Comparator.comparingLong(Entry::accountId)
            .thenComparing(Entry::hash, Arrays::compareUnsigned));
        return entries;
    }

    /** A hash as a map key: equal when the bytes are. */
    private static final class Hash
    {
        final byte[] bytes;

        Hash(final byte[] bytes)
        {
            this.bytes = bytes;
        }

        @Override
        public boolean equals(final Object other)
        {
            return other instanceof Hash && Arrays.equals(bytes, ((Hash)other).bytes);
        }

        @Override
        public int hashCode()
        {
            return Arrays.hashCode(bytes);
        }
    }
}
