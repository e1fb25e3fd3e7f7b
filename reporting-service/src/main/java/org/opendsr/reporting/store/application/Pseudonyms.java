package org.opendsr.reporting.store.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;
import org.opendsr.reporting.store.domain.Pseudonym;

/**
 * Keyed pseudonyms: HMAC-SHA-256(key, "person:" + personId) for a person, and "referral:", "obligation:",
 * "recommendation:" + id for the records whose facts are paired. The same id and key always give the same 32 bytes;
 * without the key they cannot be worked back to the id (nor worked out from it, unlike a plain hash).
 */
@Singleton
public class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public Pseudonyms(PseudonymisationKey key) {
        this(key.bytes());
    }

    /** Under the given key (tests). */
    public Pseudonyms(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
        // A Mac is not thread-safe; four listeners and a rebuild pseudonymise at once.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
        });
    }

    public Pseudonym person(UUID personId) {
        return of("person:", personId);
    }

    public Pseudonym referral(UUID referralId) {
        return of("referral:", referralId);
    }

    public Pseudonym obligation(UUID obligationId) {
        return of("obligation:", obligationId);
    }

    public Pseudonym recommendation(UUID recommendationId) {
        return of("recommendation:", recommendationId);
    }

    private Pseudonym of(String kind, UUID id) {
        if (id == null) {
            throw new IllegalArgumentException(kind + " id is missing");
        }
        Mac mac = macs.get();
        return Pseudonym.of(mac.doFinal((kind + id).getBytes(StandardCharsets.UTF_8)));
    }
}
