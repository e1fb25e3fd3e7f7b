package org.opendsr.reporting.store.application;

import java.util.Base64;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;

/**
 * {@code dsr.reporting.pseudonymisation.key} (environment {@code DSR_REPORTING_PSEUDONYMISATION_KEY}): the HMAC key
 * behind every pseudonym, as standard base64 of at least {@value #MINIMUM_BYTES} bytes (what
 * {@code deploy/create-secrets.sh} puts in Secret {@code reporting-pseudonymisation-key}, key {@code key}:
 * {@code head -c 32 /dev/urandom | base64}). Checked when the service starts ({@link Context}): without a valid key it
 * stops with a message naming the setting, never the value. The key is held here only: never written to the database,
 * never logged ({@link #toString} says nothing of it).
 */
@Context
@ConfigurationProperties("dsr.reporting.pseudonymisation")
public class PseudonymisationKey {

    public static final int MINIMUM_BYTES = 32;
    static final String SETTING = "dsr.reporting.pseudonymisation.key (environment DSR_REPORTING_PSEUDONYMISATION_KEY)";

    private String key;

    /** Refuses to start without a usable key. */
    @PostConstruct
    public void check() {
        bytes();
    }

    /** The key's bytes; a refusal naming the setting where it is missing or too short. */
    public byte[] bytes() {
        return decode(key);
    }

    static byte[] decode(String key) {
        if (key == null || key.isBlank()) {
            throw new ConfigurationException(SETTING + " is not set: reporting-service needs the pseudonymisation key "
                    + "(base64 of at least " + MINIMUM_BYTES + " random bytes; in Kubernetes Secret "
                    + "reporting-pseudonymisation-key, key \"key\", made by deploy/create-secrets.sh)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(SETTING + " is not base64: give base64 of at least " + MINIMUM_BYTES
                    + " random bytes, e.g. the output of: head -c 32 /dev/urandom | base64");
        }
        if (bytes.length < MINIMUM_BYTES) {
            throw new ConfigurationException(SETTING + " is too short: " + bytes.length + " bytes, at least "
                    + MINIMUM_BYTES + " are needed");
        }
        return bytes;
    }

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    public String toString() {
        return "PseudonymisationKey[hidden]";
    }
}
