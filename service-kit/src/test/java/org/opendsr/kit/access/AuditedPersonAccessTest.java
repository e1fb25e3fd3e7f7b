package org.opendsr.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendsr.kit.audit.AuditEntry;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The audited need to know every service with records about people shares (risk-service's RiskAccess,
 * meeting-service's MeetingAccess): who may read, change and do the DSR team's work, and that every decision, refusals
 * included, is on the audit trail with the purpose the caller stated. NeedToKnow's decisions themselves are
 * NeedToKnowTest's; here the care team answers as told.
 */
class AuditedPersonAccessTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final UUID PERSON = UUID.fromString("3f1c1f0e-8d9a-4c9b-9d6e-1a2b3c4d5e6f");

    private final TeamAnswering careTeams = new TeamAnswering();
    private final KeptAudit audit = new KeptAudit();
    private final AuditedPersonAccess<AccessPurpose> access = new AuditedPersonAccess<>(careTeams, audit,
            Clock.fixed(NOW, ZoneOffset.UTC), AccessPurpose.class, AccessPurpose.DIRECT_CARE,
            AccessPurpose.REGISTER_MANAGEMENT) {
    };

    @ParameterizedTest
    @EnumSource(value = PersonAccess.class, names = {"LEAD", "AREA_TEAM", "CARE_TEAM", "BREAK_GLASS"})
    void whoeverMayReadReadsAndTheReadIsAudited(PersonAccess given) {
        careTeams.answer = given;

        assertThat(access.read(PERSON, caller(null), "ratings")).isEqualTo(given);

        assertThat(audit.ownTransaction).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("READ");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.ALLOWED);
            assertThat(entry.purpose()).isEqualTo("DIRECT_CARE");
            assertThat(entry.personId()).isEqualTo(PERSON);
            assertThat(entry.actorRoles()).isEqualTo("DSR_TEAM,PROFESSIONAL");
        });
    }

    @Test
    void anyoneElseIsToldThePersonIsNotThereAndTheRefusalIsAudited() {
        careTeams.answer = PersonAccess.NONE;

        assertThatThrownBy(() -> access.read(PERSON, caller(null), "ratings")).isInstanceOfSatisfying(
                RuleBroken.class, refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND));
        assertThatThrownBy(() -> access.change(PERSON, caller(null), "ratings")).isInstanceOfSatisfying(
                RuleBroken.class, refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND));
        assertThatThrownBy(() -> access.requireDsrTeam(PERSON, caller(null), "obligations")).isInstanceOfSatisfying(
                RuleBroken.class, refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND));

        assertThat(audit.ownTransaction).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                tuple("READ", AuditOutcome.REFUSED),
                tuple("CHANGE", AuditOutcome.REFUSED),
                tuple("CHANGE", AuditOutcome.REFUSED));
    }

    @Test
    void aBreakGlassReadNeverChangesAnything() {
        careTeams.answer = PersonAccess.BREAK_GLASS;

        assertThatThrownBy(() -> access.change(PERSON, caller(null), "ratings")).isInstanceOfSatisfying(
                RuleBroken.class, refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN));
        assertThat(audit.ownTransaction).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED));
    }

    @Test
    void theDsrTeamsWorkIsForTheAreaTeamAndLeadsTheRestOfTheCareTeamIsForbidden() {
        careTeams.answer = PersonAccess.AREA_TEAM;
        assertThat(access.requireDsrTeam(PERSON, caller(null), "obligations")).isEqualTo(PersonAccess.AREA_TEAM);
        careTeams.answer = PersonAccess.LEAD;
        assertThat(access.requireDsrTeam(PERSON, caller(null), "obligations")).isEqualTo(PersonAccess.LEAD);
        assertThat(audit.ownTransaction).isEmpty();

        careTeams.answer = PersonAccess.CARE_TEAM;
        assertThatThrownBy(() -> access.requireDsrTeam(PERSON, caller(null), "obligations")).isInstanceOfSatisfying(
                RuleBroken.class, refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN));
        assertThat(audit.ownTransaction).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED));
    }

    @Test
    void changesAreAuditedInTheCallersTransactionWithThePurposeStatedAndTheValues() {
        access.audited(caller("SAFEGUARDING"), PERSON, "RATED", "rating", Map.of("rating", "AMBER"),
                Map.of("rating", "RED"));
        access.auditedBySystem("risk-sweep", PERSON, "OVERDUE", "obligation", null, Map.of("status", "OVERDUE"));

        assertThat(audit.callersTransaction).extracting(AuditEntry::actor, AuditEntry::purpose, AuditEntry::newValues)
                .containsExactly(
                        tuple("sam.patel", "SAFEGUARDING", Map.of("rating", "RED")),
                        tuple("risk-sweep", "REGISTER_MANAGEMENT",
                                Map.of("status", "OVERDUE")));
    }

    @Test
    void aPurposeNotOneOfTheServicesIsRefusedNamingTheHeader() {
        careTeams.answer = PersonAccess.CARE_TEAM;

        assertThatThrownBy(() -> access.read(PERSON, caller("CURIOSITY"), "ratings")).isInstanceOfSatisfying(
                RuleBroken.class, refused -> assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST));
    }

    @Test
    void listReadsAndActionsConcernNoOnePerson() {
        access.listRead(caller(null), "worklist RED");
        access.auditedAction(caller("AUDIT_REVIEW"), "SWEEP", "due dates");

        assertThat(audit.ownTransaction).extracting(AuditEntry::personId, AuditEntry::purpose).containsExactly(
                tuple(null, "DIRECT_CARE"),
                tuple(null, "AUDIT_REVIEW"));
    }

    private static Caller caller(String purpose) {
        return new Caller("sam.patel", Set.of("PROFESSIONAL", "DSR_TEAM"), Set.of("WILTSHIRE"), null, null, null,
                purpose);
    }

    /** The care team answers as the test says. */
    private static final class TeamAnswering extends CareTeams {
        PersonAccess answer = PersonAccess.NONE;

        TeamAnswering() {
            super(null);
        }

        @Override
        public PersonAccess accessOf(Caller caller, UUID personId, Instant now) {
            return answer;
        }
    }

    /** Keeps what is audited, apart by where it is written. */
    private static final class KeptAudit extends AuditLog {
        final List<AuditEntry> callersTransaction = new ArrayList<>();
        final List<AuditEntry> ownTransaction = new ArrayList<>();

        KeptAudit() {
            super(null, null, DataSourceResolver.DEFAULT, null);
        }

        @Override
        public void append(AuditEntry entry) {
            callersTransaction.add(entry);
        }

        @Override
        public void appendInItsOwnTransaction(AuditEntry entry) {
            ownTransaction.add(entry);
        }
    }
}
