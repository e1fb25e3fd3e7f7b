package org.opendsr.referral.person.adapters.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.KeyProfessionals;

/** Key professionals in PostgreSQL ({@code key_professional}). */
@Singleton
class StoredKeyProfessionals implements KeyProfessionals {

    private final KeyProfessionalRows rows;

    StoredKeyProfessionals(KeyProfessionalRows rows) {
        this.rows = rows;
    }

    @Override
    public List<KeyProfessional> of(UUID personId) {
        return rows.findByPersonIdOrderByPosition(personId).stream()
                .map(row -> new KeyProfessional(row.id(), row.personId(), row.position(), row.name(), row.role(),
                        row.organisation(), row.phone(), row.email(), row.userId()))
                .toList();
    }

    @Override
    public void add(KeyProfessional added) {
        rows.save(row(added));
    }

    @Override
    public void replace(UUID personId, List<KeyProfessional> professionals) {
        rows.deleteByPersonId(personId);
        rows.saveAll(professionals.stream().map(StoredKeyProfessionals::row).toList());
    }

    private static KeyProfessionalRow row(KeyProfessional professional) {
        return new KeyProfessionalRow(professional.id(), professional.personId(), professional.position(),
                professional.name(), professional.role(), professional.organisation(), professional.phone(),
                professional.email(), professional.userId());
    }
}
