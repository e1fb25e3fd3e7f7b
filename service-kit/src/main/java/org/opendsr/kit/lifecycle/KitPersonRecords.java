package org.opendsr.kit.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.CareTeams;
import org.opendsr.kit.audit.AuditKeys;

/**
 * What the kit holds about a person in every consuming service, erased or merged in one place so that consent-, risk-
 * and meeting-service do it alike: the care team projection, the restriction, the merge links, and the published
 * outbox rows about them (already on the topic; kept only until the relay's purge, which an erasure need not wait for).
 * Unpublished outbox rows stay: they are the service's own events of this very transaction or just before it, its
 * erasure confirmation among them. The audit trail ({@code dsr_kit.audit_entry}) is not touched: it is kept for its own
 * retention period (issue 16), in storage the service's runtime role cannot alter; the old/new values of its entries
 * about the person are erased by forgetting the person's audit key ({@link AuditKeys}), and the keys of the records
 * merged into theirs (a merge leaves the duplicate's entries, and so their values, under the duplicate's id).
 */
@Singleton
public class KitPersonRecords {

    private final TransactionOperations<Connection> transactions;
    private final CareTeams careTeams;
    private final ProcessingRestrictions restrictions;
    private final MergedPeople mergedPeople;

    public KitPersonRecords(TransactionOperations<Connection> transactions, CareTeams careTeams,
                            ProcessingRestrictions restrictions, MergedPeople mergedPeople) {
        this.transactions = transactions;
        this.careTeams = careTeams;
        this.restrictions = restrictions;
        this.mergedPeople = mergedPeople;
    }

    /** Erases the kit's rows about the person in the caller's transaction; returns how many went. */
    public long erase(UUID personId) {
        Connection connection = PersonLifecycleTables.current(transactions, "Erasing a person");
        forgetAuditKeys(connection, personId);
        long erased = careTeams.forget(personId) + restrictions.forget(personId) + mergedPeople.forget(personId);
        try (PreparedStatement published = connection.prepareStatement(
                "DELETE FROM dsr_kit.outbox_event WHERE aggregateid = ? AND published_at IS NOT NULL")) {
            published.setString(1, personId.toString());
            // Not counted: they are copies of events, not records the service holds about the person.
            published.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase the published events of person " + personId, e);
        }
        return erased;
    }

    /**
     * Forgets the audit keys of the person and of everyone merged into them, however many merges back (read before
     * the merge links go). Not counted as records erased: a key is a means to read, not a record about anyone.
     */
    private static void forgetAuditKeys(Connection connection, UUID personId) {
        try (PreparedStatement merged = connection.prepareStatement(
                "WITH RECURSIVE merged_into(person_id) AS (SELECT ?::uuid UNION SELECT m.from_person_id"
                        + " FROM merged_person m JOIN merged_into i ON m.into_person_id = i.person_id)"
                        + " SELECT person_id FROM merged_into")) {
            merged.setObject(1, personId);
            List<UUID> people = new ArrayList<>();
            try (ResultSet rows = merged.executeQuery()) {
                while (rows.next()) {
                    people.add(rows.getObject(1, UUID.class));
                }
            }
            AuditKeys.forgetAll(connection, people);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget the audit keys of person " + personId, e);
        }
    }

    /**
     * Moves the kit's rows of a duplicate to the survivor in the caller's transaction: the restriction carries over,
     * and the duplicate's care team goes (referral-service publishes the survivor's team, which the merge changed, so
     * nobody keeps access through the old record).
     */
    public void merge(UUID from, UUID into) {
        restrictions.merge(from, into);
        careTeams.forget(from);
    }
}
