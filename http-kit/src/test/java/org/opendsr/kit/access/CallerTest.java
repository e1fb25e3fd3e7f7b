package org.opendsr.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

class CallerTest {

    enum Purpose {
        DIRECT_CARE, SAFEGUARDING, SERVICE_OWN;

        boolean statedByCallers() {
            return this != SERVICE_OWN;
        }
    }

    private static Caller stating(String purpose) {
        return new Caller("u1", Set.of("PROFESSIONAL"), null, null, purpose);
    }

    @Test
    void noStatedPurposeMeansTheEndpointsDefault() {
        assertThat(stating(null).purpose(Purpose.class, Purpose.DIRECT_CARE, Purpose::statedByCallers))
                .isEqualTo(Purpose.DIRECT_CARE);
        assertThat(stating("  ").purpose(Purpose.class, Purpose.SAFEGUARDING, Purpose::statedByCallers))
                .isEqualTo(Purpose.SAFEGUARDING);
    }

    @Test
    void aStatedPurposeIsReadTrimmed() {
        assertThat(stating(" SAFEGUARDING ").purpose(Purpose.class, Purpose.DIRECT_CARE, Purpose::statedByCallers))
                .isEqualTo(Purpose.SAFEGUARDING);
    }

    @Test
    void anUnknownOrServiceOwnPurposeIsRefusedNamingTheHeaderAndTheAllowedValues() {
        for (String stated : List.of("SERVICE_OWN", "curiosity", "safeguarding")) {
            assertThatThrownBy(() -> stating(stated).purpose(Purpose.class, Purpose.DIRECT_CARE, Purpose::statedByCallers))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
                        assertThat(broken.field()).isEqualTo("X-DSR-Purpose");
                        assertThat(broken.getMessage()).isEqualTo("must be one of [DIRECT_CARE, SAFEGUARDING]")
                                .doesNotContain(stated);
                    });
        }
    }

    @Test
    void rolesAreACopyAndHasRoleReadsThem() {
        Caller caller = new Caller("u1", new java.util.HashSet<>(Set.of("DSR_TEAM")), null, null, null);
        assertThat(caller.hasRole("DSR_TEAM")).isTrue();
        assertThat(caller.hasRole("PROFESSIONAL")).isFalse();
    }

    @Test
    void theBinderReadsUserRolesAndClaimsFromTheToken() {
        Authentication token = Authentication.build("u2", List.of("PROFESSIONAL"),
                Map.of("email", "p@example.org", "organisation", "Swindon GP"));
        Caller caller = CallerArgumentBinder.of(token, "SAFEGUARDING");
        assertThat(caller).isEqualTo(new Caller("u2", Set.of("PROFESSIONAL"), "p@example.org", "Swindon GP",
                "SAFEGUARDING"));
        assertThat(CallerArgumentBinder.of(Authentication.build("u3"), null))
                .isEqualTo(new Caller("u3", Set.of(), null, null, null));
    }

    @Test
    void aDsrTeamMembersAreasComeFromTheClaimAsAnArrayOrOneString() {
        Authentication listed = Authentication.build("t1", List.of("DSR_TEAM"),
                Map.of("areas", List.of("SWINDON", " WILTSHIRE ")));
        assertThat(CallerArgumentBinder.of(listed, null, Set.of("BATH_AND_NORTH_EAST_SOMERSET")).areas())
                .containsExactlyInAnyOrder("SWINDON", "WILTSHIRE");
        Authentication single = Authentication.build("t2", List.of("DSR_TEAM"), Map.of("areas", "SWINDON"));
        assertThat(CallerArgumentBinder.of(single, null, Set.of()).areas()).containsExactly("SWINDON");
    }

    @Test
    void withoutAnAreasClaimTheConfiguredAreasApplyAndByDefaultNone() {
        Authentication unclaimed = Authentication.build("t3", List.of("DSR_TEAM"));
        assertThat(CallerArgumentBinder.of(unclaimed, null, Set.of("SWINDON")).areas()).containsExactly("SWINDON");
        assertThat(CallerArgumentBinder.of(unclaimed, null).areas()).isEmpty();
    }

    @Test
    void anAgencySystemsAgencyComesFromItsClaim() {
        Authentication agency = Authentication.build("svc-wilts", List.of("AGENCY_SYSTEM"),
                Map.of("agency", "wiltshire-council"));
        assertThat(CallerArgumentBinder.of(agency, null).agency()).isEqualTo("wiltshire-council");
    }
}
