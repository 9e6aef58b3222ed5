package org.mldgbench.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Named, stable seeds: a seed is the first 8 bytes of SHA-256 over its parts, e.g.
 * {@code derive("hparams", "mldg-so", "synthetic", 3)}. Adding a new use of randomness never
 * shifts an existing stream, and the same parts give the same seed on every machine.
 */
public final class Seeds {

    private Seeds() {}

    public static long derive(Object... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        for (Object part : parts) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }
}
