package org.opendsr.referral.intake.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.intake.application.ReferralDetailsToReview;

/** {@link ReferralDetailsToReview} in PostgreSQL. */
@Singleton
class PostgresReferralDetailsToReview implements ReferralDetailsToReview {

    private final JdbcOperations jdbc;

    PostgresReferralDetailsToReview(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(UUID referralId, Map<String, String> details) {
        if (details.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO referral_detail_to_review (referral_id, field, referred_value)"
                + " VALUES (?, ?, ?)", insert -> {
            for (Map.Entry<String, String> detail : details.entrySet()) {
                insert.setObject(1, referralId);
                insert.setString(2, detail.getKey());
                insert.setString(3, detail.getValue());
                insert.addBatch();
            }
            return insert.executeBatch();
        });
    }

    @Override
    public void keepLatest(UUID referralId, Map<String, String> details) {
        if (details.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO referral_detail_to_review (referral_id, field, referred_value)"
                + " VALUES (?, ?, ?) ON CONFLICT (referral_id, field) DO UPDATE SET referred_value = EXCLUDED.referred_value",
                insert -> {
                    for (Map.Entry<String, String> detail : details.entrySet()) {
                        insert.setObject(1, referralId);
                        insert.setString(2, detail.getKey());
                        insert.setString(3, detail.getValue());
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                });
    }

    @Override
    public Map<String, String> of(UUID referralId) {
        return jdbc.prepareStatement("SELECT field, referred_value FROM referral_detail_to_review"
                + " WHERE referral_id = ? ORDER BY field", select -> {
            select.setObject(1, referralId);
            Map<String, String> details = new LinkedHashMap<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    details.put(rows.getString(1), rows.getString(2));
                }
            }
            return details;
        });
    }
}
