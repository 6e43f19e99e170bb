package bourse.gateway;

import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account each API key belongs to, by the key's SHA-256 in hex: built by the gateway's agent from
 * the engine's {@code ApiKeyCreated} and {@code ApiKeyRevoked} events, read by the gRPC threads that
 * authenticate calls.
 */
final class ApiKeyTable
{
    private final ConcurrentHashMap<String, Long> accountByHash = new ConcurrentHashMap<>();

    void add(final byte[] keyHash, final long accountId)
    {
        accountByHash.put(HexFormat.of().formatHex(keyHash), accountId);
    }

    /** Forgets a revoked key: calls presenting it from now on are UNAUTHENTICATED. */
    void remove(final byte[] keyHash)
    {
        accountByHash.remove(HexFormat.of().formatHex(keyHash));
    }

    /** The account whose key hashes to {@code keyHashHex}, or 0 when no account has it. */
    long accountOf(final String keyHashHex)
    {
        final Long accountId = accountByHash.get(keyHashHex);
        return accountId == null ? 0 : accountId;
    }

    int size()
    {
        return accountByHash.size();
    }
}
