package org.opendsr.gateway.demo;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.kit.security.DsrRoles;

/**
 * The people a local run can act as: every role and every relationship the API tells apart (a professional in the
 * walk-through person's care team and one outside it, the DSR team in and out of the person's area, a lead, an
 * analyst, an agency system, an administrator). Staff and systems, not patients: nothing here is personal data of
 * anyone on the register. A token's {@code sub} is the username; {@code areas} (locality codes) is given to DSR
 * team members, {@code agency} (the agency's id) to agency systems, as deploy/README.md "Tokens" maps them from a
 * real identity provider's claims. Staff have a work {@code email} (example domains only): a professional's is where
 * the DSR tells them the outcome of their referral (referral-service keeps the claim with the referral).
 */
public final class DemoUsers {

    /** The ICB's localities (referral-service's dsr.referral.localities). */
    static final String SWINDON = "SWINDON";
    static final String WILTSHIRE = "WILTSHIRE";
    static final String BATH_AND_NORTH_EAST_SOMERSET = "BATH_AND_NORTH_EAST_SOMERSET";

    /** A demo user: what their token will say. */
    @Serdeable
    public record DemoUser(String username, String displayName, List<String> roles, @Nullable String organisation,
                           List<String> areas, @Nullable String agency, @Nullable String email, String canDo) {

        public DemoUser {
            roles = List.copyOf(roles);
            areas = List.copyOf(areas);
        }
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("professional", "Sam Patel (community learning disability nurse)",
                    List.of(DsrRoles.PROFESSIONAL), "Swindon Community LD Team", List.of(), null,
                    "sam.patel@swindon-ld.example",
                    "refer people; see and update the people in whose care team they are (the walk-through's referrer)"),
            new DemoUser("professional-2", "Priya Shah (CAMHS practitioner)",
                    List.of(DsrRoles.PROFESSIONAL), "Wiltshire CAMHS", List.of(), null,
                    "priya.shah@wiltshire-camhs.example",
                    "refer people; not in the walk-through person's care team, so sees nothing of them"),
            new DemoUser("dsr-team", "Alex Morgan (DSR coordinator, Swindon)", List.of(DsrRoles.DSR_TEAM),
                    "BSW ICB DSR team", List.of(SWINDON), null, "alex.morgan@bsw-icb.example",
                    "see the people of their area (Swindon); manage its referrals, register and worklists;"
                            + " confirm key professionals"),
            new DemoUser("dsr-team-wiltshire", "Jordan Hughes (DSR coordinator, Wiltshire and B&NES)",
                    List.of(DsrRoles.DSR_TEAM), "BSW ICB DSR team", List.of(WILTSHIRE, BATH_AND_NORTH_EAST_SOMERSET),
                    null, "jordan.hughes@bsw-icb.example",
                    "as dsr-team, for Wiltshire and Bath and North East Somerset: not the walk-through person"),
            new DemoUser("dsr-lead", "Jo Evans (DSR lead)", List.of(DsrRoles.DSR_LEAD, DsrRoles.DSR_TEAM),
                    "BSW ICB DSR team", List.of(SWINDON, WILTSHIRE, BATH_AND_NORTH_EAST_SOMERSET), null,
                    "jo.evans@bsw-icb.example",
                    "as the DSR team in every area; chair Meetings by Exception; review break-glass reads and the audit"),
            new DemoUser("analyst", "Chris Lee (commissioning analyst)", List.of(DsrRoles.ANALYST), "BSW ICB",
                    List.of(), null, "chris.lee@bsw-icb.example",
                    "read anonymised, disclosure-controlled reports; no person's record"),
            new DemoUser("agency-system", "Wiltshire Council case management system", List.of(DsrRoles.AGENCY_SYSTEM),
                    "Wiltshire Council", List.of(), "wiltshire-council", null,
                    "submit referrals and updates as the agency wiltshire-council; reads nothing through the API"),
            new DemoUser("admin", "Platform administrator", List.of(DsrRoles.ADMIN), null, List.of(), null, null,
                    "operate the platform; no person's record"));

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        return USERS;
    }

    public static Optional<DemoUser> byUsername(String username) {
        return USERS.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
