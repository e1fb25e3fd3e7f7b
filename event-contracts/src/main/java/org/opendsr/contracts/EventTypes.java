package org.opendsr.contracts;

/**
 * Stable CloudEvents {@code type} values: {@code dsr.<context>.<what happened>.v<version>}. Never a Java class
 * name, so a refactoring cannot change what is on the wire. A breaking change is a new version, published
 * side by side with the old one until every consumer has moved.
 */
public final class EventTypes {

    public static final String REFERRAL_RECEIVED_V1 = "dsr.referral.received.v1";

    private EventTypes() {
    }
}
