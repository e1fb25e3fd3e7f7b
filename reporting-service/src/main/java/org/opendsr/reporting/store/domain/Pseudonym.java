package org.opendsr.reporting.store.domain;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A keyed pseudonym (32 bytes of HMAC-SHA-256): of a person, or of a record (a referral, an obligation, a
 * recommendation) whose facts must be paired. It cannot be turned back into the id without the key, which never
 * reaches the database. Value semantics over the bytes; its text form is never logged (it shows as a length only).
 */
public final class Pseudonym implements Comparable<Pseudonym> {

    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Pseudonym(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Pseudonym of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a pseudonym is " + LENGTH + " bytes");
        }
        return new Pseudonym(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex, for tests and for SQL that needs a text key; never for logs. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pseudonym that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Pseudonym other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "Pseudonym[32 bytes]";
    }
}
