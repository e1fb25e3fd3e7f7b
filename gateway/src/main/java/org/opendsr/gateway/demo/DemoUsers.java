package org.opendsr.gateway.demo;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.kit.security.DsrRoles;

/**
 * The people a local run can act as, one per DSR role. Staff, not patients: nothing here is personal data of
 * anyone on the register.
 */
public final class DemoUsers {

    /** A demo user: what their token will say. */
    @Serdeable
    public record DemoUser(String username, String displayName, List<String> roles, @Nullable String organisation,
                           String canDo) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("professional", "Sam Patel (community learning disability nurse)",
                    List.of(DsrRoles.PROFESSIONAL), "Swindon Community LD Team",
                    "refer people, see and update the people they referred"),
            new DemoUser("dsr-team", "Alex Morgan (DSR coordinator)", List.of(DsrRoles.DSR_TEAM), "BSW ICB DSR team",
                    "see everyone, manage referrals, the register and worklists"),
            new DemoUser("dsr-lead", "Jo Evans (DSR lead)", List.of(DsrRoles.DSR_LEAD, DsrRoles.DSR_TEAM),
                    "BSW ICB DSR team", "as the DSR team, and chair Meetings by Exception"),
            new DemoUser("analyst", "Chris Lee (commissioning analyst)", List.of(DsrRoles.ANALYST), "BSW ICB",
                    "read anonymised, disclosure-controlled reports"),
            new DemoUser("agency-system", "Wiltshire Council case management system", List.of(DsrRoles.AGENCY_SYSTEM),
                    "Wiltshire Council", "submit referrals and updates"),
            new DemoUser("admin", "Platform administrator", List.of(DsrRoles.ADMIN), null, "operate the platform"));

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        return USERS;
    }

    public static Optional<DemoUser> byUsername(String username) {
        return USERS.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
