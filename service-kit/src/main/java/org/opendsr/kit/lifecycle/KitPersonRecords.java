package org.opendsr.kit.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.CareTeams;

/**
 * What the kit holds about a person in every consuming service, erased or merged in one place so that consent-, risk-
 * and meeting-service do it alike: the care team projection, the restriction, the merge links, and the published
 * outbox rows about them (already on the topic; kept only until the relay's purge, which an erasure need not wait for).
 * Unpublished outbox rows stay: they are the service's own events of this very transaction or just before it, its
 * erasure confirmation among them. The audit trail ({@code dsr_kit.audit_entry}) is not touched: it is kept for its own
 * retention period (issue 16), in storage the service's runtime role cannot alter.
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
        long erased = careTeams.forget(personId) + restrictions.forget(personId) + mergedPeople.forget(personId);
        Connection connection = PersonLifecycleTables.current(transactions, "Erasing a person");
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
     * Moves the kit's rows of a duplicate to the survivor in the caller's transaction: the restriction carries over,
     * and the duplicate's care team goes (referral-service publishes the survivor's team, which the merge changed, so
     * nobody keeps access through the old record).
     */
    public void merge(UUID from, UUID into) {
        restrictions.merge(from, into);
        careTeams.forget(from);
    }
}
