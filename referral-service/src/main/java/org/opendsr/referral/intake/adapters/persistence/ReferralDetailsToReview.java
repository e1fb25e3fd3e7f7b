package org.opendsr.referral.intake.adapters.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/** Details a referral gave that differ from the person's record, kept for the DSR team to review. */
@Singleton
public class ReferralDetailsToReview {

    private final JdbcOperations jdbc;

    public ReferralDetailsToReview(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

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

    /** By field name, in field order. */
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
