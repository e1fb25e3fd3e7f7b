package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.kit.rules.RuleBroken;

/**
 * On the register from acceptance until removal with a reason. The referrer stays responsible; when the responsible
 * professional discharges the person or leaves, the entry is unallocated until the DSR team allocates someone. Every
 * transition is the entry's own and returns the change to save (and to announce).
 */
class RegisterEntryTest {

    private static final Instant ACCEPTED = Instant.parse("2027-02-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2027-03-01T10:00:00Z");

    private static RegisterEntry entryResponsibleTo(String professional) {
        return RegisterEntry.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ACCEPTED, professional,
                Optional.empty()).entry();
    }

    @Test
    void openingReturnsTheOpenedChangeWithTheNewEntry() {
        UUID id = UUID.randomUUID();
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();

        RegisterChange.Opened opened = RegisterEntry.open(id, personId, referralId, ACCEPTED, "sam.patel",
                Optional.empty());

        assertThat(opened.personId()).isEqualTo(personId);
        assertThat(opened.entry().id()).isEqualTo(id);
        assertThat(opened.entry().referralId()).isEqualTo(referralId);
        assertThat(opened.entry().onRegisterFrom()).isEqualTo(ACCEPTED);
        assertThat(opened.entry().responsibleProfessional()).isEqualTo("sam.patel");
    }

    @Test
    void aPersonWithAnOpenEntryIsNotOpenedASecond() {
        RegisterEntry open = entryResponsibleTo("sam.patel");

        assertThatThrownBy(() -> RegisterEntry.open(UUID.randomUUID(), open.personId(), UUID.randomUUID(), LATER,
                null, Optional.of(open)))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                    assertThat(broken.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
                    assertThat(broken.problem()).isEqualTo("already-on-register");
                    assertThat(broken.getMessage()).contains(open.id().toString());
                });
    }

    @Test
    void anEntryWithAResponsibleProfessionalIsAllocated() {
        RegisterEntry entry = entryResponsibleTo("sam.patel");

        assertThat(entry.isOpen()).isTrue();
        assertThat(entry.isAllocated()).isTrue();
        assertThat(entry.unallocatedSince()).isNull();
    }

    @Test
    void anEntryAcceptedWithoutOneIsUnallocatedFromTheStart() {
        RegisterEntry entry = entryResponsibleTo(null);

        assertThat(entry.isAllocated()).isFalse();
        assertThat(entry.unallocatedSince()).isEqualTo(ACCEPTED);
    }

    @Test
    void whenTheProfessionalDischargesThePersonOrLeavesTheEntryWaitsForReallocation() {
        RegisterChange.ResponsibilityChanged discharged = entryResponsibleTo("sam.patel")
                .changeResponsibility(ResponsibilityChange.DISCHARGED_BY_PROFESSIONAL, null, LATER);
        RegisterChange.ResponsibilityChanged left = entryResponsibleTo("sam.patel")
                .changeResponsibility(ResponsibilityChange.PROFESSIONAL_LEFT, null, LATER);

        assertThat(discharged.change()).isEqualTo(ResponsibilityChange.DISCHARGED_BY_PROFESSIONAL);
        assertThat(discharged.entry().isAllocated()).isFalse();
        assertThat(discharged.entry().unallocatedSince()).isEqualTo(LATER);
        assertThat(left.change()).isEqualTo(ResponsibilityChange.PROFESSIONAL_LEFT);
        assertThat(left.entry().isAllocated()).isFalse();
        assertThat(discharged.entry().isOpen()).as("still on the register").isTrue();
    }

    @Test
    void theDsrTeamAllocatesSomeoneElse() {
        RegisterChange.ResponsibilityChanged reallocated = entryResponsibleTo("sam.patel")
                .changeResponsibility(ResponsibilityChange.PROFESSIONAL_LEFT, null, LATER).entry()
                .changeResponsibility(ResponsibilityChange.ALLOCATED, "  jo.bloggs ", LATER.plusSeconds(60));

        assertThat(reallocated.change()).isEqualTo(ResponsibilityChange.ALLOCATED);
        assertThat(reallocated.entry().responsibleProfessional()).as("trimmed").isEqualTo("jo.bloggs");
        assertThat(reallocated.entry().unallocatedSince()).isNull();
    }

    @Test
    void anAllocationNamesTheProfessional() {
        for (String nobody : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> entryResponsibleTo(null)
                    .changeResponsibility(ResponsibilityChange.ALLOCATED, nobody, LATER))
                    .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                        assertThat(broken.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
                        assertThat(broken.field()).isEqualTo("responsibleProfessional");
                        assertThat(broken.getMessage()).isEqualTo("names the professional to allocate");
                    });
        }
    }

    @Test
    void thereIsNoOneToReleaseFromAnUnallocatedEntry() {
        assertThatThrownBy(() -> entryResponsibleTo(null)
                .changeResponsibility(ResponsibilityChange.PROFESSIONAL_LEFT, null, LATER))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("not-allocated"));
        assertThatThrownBy(() -> entryResponsibleTo("sam")
                .changeResponsibility(ResponsibilityChange.ALLOCATED, "sam", LATER))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("already-responsible"));
    }

    @Test
    void removalClosesTheEntryWithItsReasonAndIsFinal() {
        RegisterChange.Removed removal = entryResponsibleTo("sam.patel")
                .remove(RemovalReason.STEPPED_DOWN, "dsr.team", "Stable for a year", LATER);
        RegisterEntry removed = removal.entry();

        assertThat(removal.removedBy()).isEqualTo("dsr.team");
        assertThat(removal.notes()).isEqualTo("Stable for a year");
        assertThat(removed.isOpen()).isFalse();
        assertThat(removed.removalReason()).isEqualTo(RemovalReason.STEPPED_DOWN);
        assertThat(removed.removedAt()).isEqualTo(LATER);
        assertThatThrownBy(() -> removed.remove(RemovalReason.DIED, "dsr.team", null, LATER))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("register-entry-closed"));
        assertThatThrownBy(() -> removed.changeResponsibility(ResponsibilityChange.ALLOCATED, "jo.bloggs", LATER))
                .isInstanceOf(RuleBroken.class);
    }
}
