package org.opendsr.referral.inmemory;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.opendsr.referral.access.application.PersonLinks;

/** Links given by the test: which user has a need to know about which person. */
public class InMemoryPersonLinks implements PersonLinks {

    private final Set<String> links = new HashSet<>();

    public void link(UUID personId, String userId) {
        links.add(personId + "/" + userId);
    }

    @Override
    public boolean isLinked(UUID personId, String userId, String email) {
        return links.contains(personId + "/" + userId);
    }
}
