package org.opendsr.referral.audit.application;

import java.util.TreeSet;

import org.opendsr.kit.access.Caller;

/**
 * Who the audit trail names for a read or change: a user (their id and roles), an agency system (its CloudEvents
 * source), or referral-service itself acting on another service's event or on its own schedule.
 */
public record Actor(String id, String roles) {

    public static final Actor REFERRAL_SERVICE = new Actor("/dsr/referral-service", "SERVICE");

    /** A user, with their roles in a stable order. */
    public static Actor of(Caller caller) {
        return new Actor(caller.userId(), String.join(",", new TreeSet<>(caller.roles())));
    }

    public static Actor agencySystem(String source) {
        return new Actor(source, "AGENCY_SYSTEM");
    }

    public static Actor service(String source) {
        return new Actor(source, "SERVICE");
    }
}
