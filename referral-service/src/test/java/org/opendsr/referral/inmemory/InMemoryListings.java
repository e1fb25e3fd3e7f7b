package org.opendsr.referral.inmemory;

import org.opendsr.kit.access.PersonScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opendsr.referral.shared.application.Page;
import org.opendsr.referral.worklists.application.Listings;

/** Listings are queries; here they give back the lines the test put in, one page of them. */
public class InMemoryListings implements Listings {

    public final List<RegisterLine> register = new ArrayList<>();
    public final List<AwaitingContact> awaitingContact = new ArrayList<>();
    public final List<Unallocated> unallocated = new ArrayList<>();
    public final List<DuplicateFlag> duplicateFlags = new ArrayList<>();

    @Override
    public Page<RegisterLine> register(RegisterFilter filter, PersonScope scope, LocalDate today, int page, int size) {
        return page(register, page, size);
    }

    @Override
    public Page<AwaitingContact> awaitingFirstContact(Boolean overdue, PersonScope scope, LocalDate today, int page, int size) {
        return page(awaitingContact, page, size);
    }

    @Override
    public Page<Unallocated> unallocated(PersonScope scope, int page, int size) {
        return page(unallocated, page, size);
    }

    @Override
    public Page<DuplicateFlag> openDuplicateFlags(PersonScope scope, int page, int size) {
        return page(duplicateFlags, page, size);
    }

    private static <T> Page<T> page(List<T> lines, int page, int size) {
        return new Page<>(lines.stream().skip((long) page * size).limit(size).toList(), page, size, lines.size());
    }
}
