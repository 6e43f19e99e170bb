package bourse.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An API key and the SHA-256 hash the engine keeps of it. The key is shown to its owner once and never
 * stored: the engine's {@code CreateApiKey} takes the {@link #hash()}, and the gateway recognises a caller
 * by hashing the key it presents ({@code authorization: Bearer <key>}).
 *
 * @param key  the secret: {@code bk_} and 43 base64url characters, 256 random bits.
 * @param hash SHA-256 of the key's UTF-8 bytes.
 */
public record ApiKey(String key, byte[] hash)
{
    /** What every generated key starts with, so that a leaked one is easy to recognise. */
    public static final String PREFIX = "bk_";
    private static final int RANDOM_BYTES = 32;

    public ApiKey
    {
        hash = hash.clone();
    }

    /** A new random key. */
    public static ApiKey generate(final SecureRandom random)
    {
        final byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        final String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKey(key, hashOf(key));
    }

    /** SHA-256 of the key's UTF-8 bytes: what the engine stores for it. */
    public static byte[] hashOf(final String key)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }

    @Override
    public byte[] hash()
    {
        return hash.clone();
    }

    /** The hash in lower-case hex, as the engine's state dump shows it. */
    public String hashHex()
    {
        return HexFormat.of().formatHex(hash);
    }

    /** Never the key itself: records print their fields, and a key must not end up in a log. */
    @Override
    public String toString()
    {
        return "ApiKey{hash=" + hashHex() + "}";
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof ApiKey && ((ApiKey)other).key.equals(key);
    }

    @Override
    public int hashCode()
    {
        return key.hashCode();
    }
}
