package org.opendsr.kit.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The old/new values of an audit entry about a person, encrypted with that person's audit key so that forgetting the
 * key erases them (crypto-shredding) while the append-only, hash-chained entry stays as it was written. AES-256-GCM
 * with a random 96-bit nonce; the person id is the associated data, so a ciphertext copied onto another person's
 * entry does not open with that person's key. JDK crypto only.
 *
 * <p>Stored as JSON, {@code {"encrypted": "<base64 of nonce||ciphertext>", "v": 1}}, so the column stays JSONB and
 * the chain hashes exactly what is stored. Values stored as plain JSON (entries about no one person, or written
 * before the kit encrypted) are read as they are.
 */
final class ErasableValues {

    /** What a reader is shown for values whose key was forgotten (the person was erased). */
    static final Map<String, Object> ERASED = Map.of("erased", true);

    static final String ENCRYPTED = "encrypted";
    static final String VERSION = "v";
    static final int CURRENT_VERSION = 1;
    static final int KEY_BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErasableValues() {
    }

    /** A new person's key: 32 random bytes. */
    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The values' JSON text encrypted for the person: base64 of nonce||ciphertext (the tag at its end). */
    static String encrypt(byte[] key, UUID personId, String json) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(personId));
            byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            // AES-GCM is in every Java runtime; failing here is a broken runtime, never the values (not in the message).
            throw new IllegalStateException("Could not encrypt audited values", e);
        }
    }

    /**
     * The JSON text encrypted by {@link #encrypt}; throws when the key, the person or the ciphertext do not match
     * (a forged or altered value, or another person's key).
     */
    static String decrypt(byte[] key, UUID personId, String encrypted) throws GeneralSecurityException {
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64");
        }
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData(personId));
        return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    /** True for values as {@link #encrypt} stores them (an "encrypted" text and a version, nothing else). */
    static boolean isEncrypted(Map<String, ?> stored) {
        return stored.size() == 2 && stored.get(ENCRYPTED) instanceof String && stored.get(VERSION) instanceof Number;
    }

    private static byte[] associatedData(UUID personId) {
        return personId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
