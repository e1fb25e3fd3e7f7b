package org.opendsr.referral.access.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.access.application.PersonLinks;
import org.opendsr.referral.access.domain.NeedToKnow;
import org.opendsr.referral.lifecycle.domain.ReferralStatus;

/** A professional's links to a person, found in PostgreSQL (referrals, key professionals, register entries). */
@Singleton
class PostgresPersonLinks implements PersonLinks {

    private final JdbcOperations jdbc;

    PostgresPersonLinks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isLinked(UUID personId, String userId, @Nullable String email) {
        boolean[] keyOrResponsible = jdbc.prepareStatement("SELECT"
                + " EXISTS (SELECT 1 FROM key_professional WHERE person_id = ?"
                + "   AND (user_id = ? OR (CAST(? AS text) IS NOT NULL AND lower(email) = lower(CAST(? AS text))))),"
                + " EXISTS (SELECT 1 FROM register_entry WHERE person_id = ? AND removed_at IS NULL"
                + "   AND responsible_professional = ?)", select -> {
            select.setObject(1, personId);
            select.setString(2, userId);
            select.setString(3, email);
            select.setString(4, email);
            select.setObject(5, personId);
            select.setString(6, userId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return new boolean[] {rows.getBoolean(1), rows.getBoolean(2)};
            }
        });
        return NeedToKnow.professionalMaySee(referralsMadeBy(personId, userId), keyOrResponsible[0],
                keyOrResponsible[1]);
    }

    private List<NeedToKnow.ReferralTheyMade> referralsMadeBy(UUID personId, String userId) {
        return jdbc.prepareStatement("SELECT r.status, EXISTS (SELECT 1 FROM register_entry e"
                + "   WHERE e.referral_id = r.id AND e.removed_at IS NULL)"
                + " FROM referral r WHERE r.person_id = ? AND r.referred_by = ?", select -> {
            select.setObject(1, personId);
            select.setString(2, userId);
            List<NeedToKnow.ReferralTheyMade> referrals = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    referrals.add(new NeedToKnow.ReferralTheyMade(ReferralStatus.valueOf(rows.getString(1)),
                            rows.getBoolean(2)));
                }
            }
            return referrals;
        });
    }
}
