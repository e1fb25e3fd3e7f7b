package org.opendsr.referral.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.KeyProfessionals;

public class InMemoryKeyProfessionals implements KeyProfessionals {

    private final List<KeyProfessional> saved = new ArrayList<>();

    @Override
    public List<KeyProfessional> of(UUID personId) {
        return saved.stream().filter(professional -> professional.personId().equals(personId))
                .sorted(Comparator.comparingInt(KeyProfessional::position)).toList();
    }

    @Override
    public void add(List<KeyProfessional> added) {
        saved.addAll(added);
    }

    @Override
    public void replace(UUID personId, List<KeyProfessional> professionals) {
        saved.removeIf(professional -> professional.personId().equals(personId));
        saved.addAll(professionals);
    }
}
