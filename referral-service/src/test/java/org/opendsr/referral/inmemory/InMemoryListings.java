package org.opendsr.referral.inmemory;

import org.opendsr.kit.access.PersonScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageCursor;
import org.opendsr.referral.shared.application.PageRequest;
import org.opendsr.referral.worklists.application.Listings;

/**
 * Listings are queries; here they give back the lines the test put in, one page of them (the cursor is the position
 * of the last line shown, enough for tests of the use cases).
 */
public class InMemoryListings implements Listings {

    public final List<RegisterLine> register = new ArrayList<>();
    public final List<AwaitingContact> awaitingContact = new ArrayList<>();
    public final List<Unallocated> unallocated = new ArrayList<>();
    public final List<DuplicateFlag> duplicateFlags = new ArrayList<>();

    @Override
    public KeysetPage<RegisterLine> register(RegisterFilter filter, PersonScope scope, LocalDate today, PageRequest page) {
        return page(register, page);
    }

    @Override
    public KeysetPage<AwaitingContact> awaitingFirstContact(Boolean overdue, PersonScope scope, LocalDate today,
                                                            PageRequest page) {
        return page(awaitingContact, page);
    }

    @Override
    public KeysetPage<Unallocated> unallocated(PersonScope scope, PageRequest page) {
        return page(unallocated, page);
    }

    @Override
    public KeysetPage<DuplicateFlag> openDuplicateFlags(PersonScope scope, PageRequest page) {
        return page(duplicateFlags, page);
    }

    private static <T> KeysetPage<T> page(List<T> lines, PageRequest page) {
        int from = page.after() == null ? 0 : Integer.parseInt(PageCursor.key(page.after(), 1).get(0)) + 1;
        List<T> fetched = lines.stream().skip(from).limit(page.fetch()).toList();
        return KeysetPage.of(fetched, page, lines.size(), line -> PageCursor.of(lines.indexOf(line)));
    }
}
