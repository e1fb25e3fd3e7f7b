package org.opendsr.referral.person.adapters.persistence;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.KeyProfessionals;
import org.opendsr.referral.shared.adapters.persistence.MultiRowInsert;

/** Key professionals in PostgreSQL ({@code key_professional}). */
@Singleton
class StoredKeyProfessionals implements KeyProfessionals {

    private final KeyProfessionalRows rows;
    private final JdbcOperations jdbc;

    StoredKeyProfessionals(KeyProfessionalRows rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public List<KeyProfessional> of(UUID personId) {
        return rows.findByPersonIdOrderByPosition(personId).stream()
                .map(row -> new KeyProfessional(row.id(), row.personId(), row.position(), row.name(), row.role(),
                        row.organisation(), row.phone(), row.email(), row.userId()))
                .toList();
    }

    @Override
    public void add(List<KeyProfessional> added) {
        // All of them in one statement; none, no statement at all.
        MultiRowInsert.insert(jdbc, "key_professional (id, person_id, position, name, role, organisation, phone, email,"
                + " user_id)", 9, "", added, professional -> new Object[] {professional.id(),
                professional.personId(), professional.position(), professional.name(), professional.role(),
                professional.organisation(), professional.phone(), professional.email(), professional.userId()});
    }

    @Override
    public void replace(UUID personId, List<KeyProfessional> professionals) {
        rows.deleteByPersonId(personId);
        add(professionals);
    }
}
