package org.opendsr.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.access.CareTeamChanged;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.DsrTestEnvironment;

/**
 * The care-team projection on real PostgreSQL: replaced whole, never rolled back by an older event, and the list
 * condition ({@link PersonScope}) shows exactly the people {@link NeedToKnow} lets each caller see.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareTeamsTest implements TestPropertyProvider {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Inject
    CareTeams careTeams;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return DsrTestEnvironment.forService("kit");
    }

    private static CareTeamMember member(String subject, CareTeamRole role, Instant to) {
        return new CareTeamMember(UUID.randomUUID(), subject, role, NOW.minus(Duration.ofDays(3)), to);
    }

    private void replace(CareTeamChanged team) {
        transactions.executeWrite(status -> {
            careTeams.replace(team);
            return null;
        });
    }

    @Test
    void aTeamIsReplacedWholeAndAnOlderEventNeverRollsItBack() {
        UUID person = UUID.randomUUID();
        replace(new CareTeamChanged(person, "SWINDON", List.of(member("p1", CareTeamRole.REFERRER, null)), NOW));
        replace(new CareTeamChanged(person, "WILTSHIRE",
                List.of(member("p2", CareTeamRole.RESPONSIBLE_PROFESSIONAL, null)), NOW.plusSeconds(5)));
        replace(new CareTeamChanged(person, "SWINDON", List.of(member("p1", CareTeamRole.REFERRER, null)),
                NOW.plusSeconds(1)));

        CareTeam team = careTeams.of(person);
        assertThat(team.area()).isEqualTo("WILTSHIRE");
        assertThat(team.members()).extracting(CareTeamMember::subject).containsExactly("p2");
    }

    @Test
    void aPersonNeverHeardOfIsUnknownAndAnEmptyTeamHasNoMembers() {
        UUID unheardOf = UUID.randomUUID();
        assertThat(careTeams.of(unheardOf)).isEqualTo(CareTeam.unknown(unheardOf));
        UUID emptied = UUID.randomUUID();
        replace(new CareTeamChanged(emptied, "SWINDON", List.of(member("p1", CareTeamRole.REFERRER, null)), NOW));
        replace(new CareTeamChanged(emptied, "SWINDON", List.of(), NOW.plusSeconds(1)));
        assertThat(careTeams.of(emptied).members()).isEmpty();
        assertThat(careTeams.of(emptied).area()).isEqualTo("SWINDON");
    }

    @Test
    void theListConditionShowsExactlyThePeopleThePolicyLetsEachCallerSee() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String p1 = "p1-" + tag;
        String t2 = "t2-" + tag;
        List<UUID> people = new ArrayList<>();
        List<CareTeamChanged> teams = List.of(
                new CareTeamChanged(UUID.randomUUID(), "SWINDON", List.of(member(p1, CareTeamRole.REFERRER, null)), NOW),
                new CareTeamChanged(UUID.randomUUID(), "WILTSHIRE",
                        List.of(member(p1, CareTeamRole.KEY_PROFESSIONAL, null), member(t2, CareTeamRole.REFERRER, null)), NOW),
                new CareTeamChanged(UUID.randomUUID(), "WILTSHIRE",
                        List.of(member(p1, CareTeamRole.REFERRER, NOW.minusSeconds(1))), NOW),
                new CareTeamChanged(UUID.randomUUID(), "SWINDON",
                        List.of(member(p1, CareTeamRole.BREAK_GLASS, NOW.plusSeconds(600))), NOW),
                new CareTeamChanged(UUID.randomUUID(), null, List.of(), NOW),
                new CareTeamChanged(UUID.randomUUID(), CareTeam.OUT_OF_AREA, List.of(), NOW),
                new CareTeamChanged(UUID.randomUUID(), "BATH_AND_NORTH_EAST_SOMERSET",
                        List.of(member("wiltshire-council", CareTeamRole.PROVIDING_AGENCY, null)), NOW));
        teams.forEach(this::replace);
        teams.forEach(team -> people.add(team.personId()));
        UUID neverHeardOf = UUID.randomUUID();
        people.add(neverHeardOf);

        List<Caller> callers = List.of(
                new Caller(p1, Set.of(DsrRoles.PROFESSIONAL), null, null, null),
                new Caller("p-outside", Set.of(DsrRoles.PROFESSIONAL), null, null, null),
                new Caller("t1", Set.of(DsrRoles.DSR_TEAM), Set.of("SWINDON"), null, null, null, null),
                new Caller(t2, Set.of(DsrRoles.DSR_TEAM), Set.of("BATH_AND_NORTH_EAST_SOMERSET"), null, null, null, null),
                new Caller("lead", Set.of(DsrRoles.DSR_LEAD), null, null, null),
                new Caller("analyst", Set.of(DsrRoles.ANALYST), null, null, null),
                new Caller("wiltshire-council", Set.of(DsrRoles.AGENCY_SYSTEM), Set.of(), "wiltshire-council",
                        null, null, null));
        for (Caller caller : callers) {
            Set<UUID> expected = new HashSet<>();
            for (UUID person : people) {
                PersonAccess access = NeedToKnow.of(caller, careTeams.of(person), NOW);
                // Lists show the people a caller may read as part of their work; a break-glass read never widens one.
                if (access.mayRead() && access != PersonAccess.BREAK_GLASS) {
                    expected.add(person);
                }
            }
            assertThat(listed(caller, people)).as(caller.userId()).isEqualTo(expected);
        }
    }

    private Set<UUID> listed(Caller caller, List<UUID> among) {
        PersonScope scope = PersonScope.of(caller, NOW);
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement select = connection.prepareStatement("SELECT p.id FROM unnest(?::uuid[]) AS p(id) "
                    + "WHERE " + scope.condition("p.id"))) {
                select.setArray(1, connection.createArrayOf("uuid", among.toArray()));
                scope.bind(select, 2);
                Set<UUID> listed = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        listed.add(rows.getObject(1, UUID.class));
                    }
                }
                return listed;
            }
        });
    }
}
