package org.opendsr.kit.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.outbox.Outbox;

/** A use case as a service writes one: a state change and its event in one transaction. */
@Singleton
public class TestReferrals {

    private final Outbox outbox;
    private final io.micronaut.transaction.TransactionOperations<Connection> transactions;

    public TestReferrals(Outbox outbox, io.micronaut.transaction.TransactionOperations<Connection> transactions) {
        this.outbox = outbox;
        this.transactions = transactions;
    }

    @Transactional
    public ReferralReceived receive(UUID personId, String locality) {
        return receiveWithoutTransaction(personId, locality);
    }

    /** For tests that open their own transaction (or none, to prove the outbox refuses). */
    public ReferralReceived receiveWithoutTransaction(UUID personId, String locality) {
        ReferralReceived event = new ReferralReceived(UUID.randomUUID(), personId, ReferralRoute.PROFESSIONAL, locality,
                AgeBand.AGE_14_TO_17, LifeStage.CHILD, null, Instant.now(), null, null);
        Connection connection = (Connection) transactions.findTransactionStatus()
                .map(status -> status.getConnection()).orElse(null);
        if (connection != null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO test_referral (id, person_id, locality) VALUES (?, ?, ?)")) {
                insert.setObject(1, event.referralId());
                insert.setObject(2, personId);
                insert.setString(3, locality);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        outbox.append("referral", personId, EventTypes.REFERRAL_RECEIVED_V1, event);
        return event;
    }
}
