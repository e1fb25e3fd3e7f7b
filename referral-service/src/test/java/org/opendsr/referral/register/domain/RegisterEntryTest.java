package org.opendsr.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.contracts.referral.ResponsibilityChange;
import org.opendsr.kit.rules.RuleBroken;

/**
 * On the register from acceptance until removal with a reason. The referrer stays responsible; when the responsible
 * professional discharges the person or leaves, the entry is unallocated until the DSR team allocates someone.
 */
class RegisterEntryTest {

    private static final Instant ACCEPTED = Instant.parse("2027-02-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2027-03-01T10:00:00Z");

    private static RegisterEntry entryResponsibleTo(String professional) {
        return RegisterEntry.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ACCEPTED, professional);
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
        RegisterEntry discharged = entryResponsibleTo("sam.patel").released(ResponsibilityChange.DISCHARGED_BY_PROFESSIONAL, LATER);
        RegisterEntry left = entryResponsibleTo("sam.patel").released(ResponsibilityChange.PROFESSIONAL_LEFT, LATER);

        assertThat(discharged.isAllocated()).isFalse();
        assertThat(discharged.unallocatedSince()).isEqualTo(LATER);
        assertThat(left.isAllocated()).isFalse();
        assertThat(discharged.isOpen()).as("still on the register").isTrue();
    }

    @Test
    void theDsrTeamAllocatesSomeoneElse() {
        RegisterEntry reallocated = entryResponsibleTo("sam.patel")
                .released(ResponsibilityChange.PROFESSIONAL_LEFT, LATER)
                .allocatedTo("jo.bloggs", LATER.plusSeconds(60));

        assertThat(reallocated.responsibleProfessional()).isEqualTo("jo.bloggs");
        assertThat(reallocated.unallocatedSince()).isNull();
    }

    @Test
    void thereIsNoOneToReleaseFromAnUnallocatedEntry() {
        assertThatThrownBy(() -> entryResponsibleTo(null).released(ResponsibilityChange.PROFESSIONAL_LEFT, LATER))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("not-allocated"));
        assertThatThrownBy(() -> entryResponsibleTo("sam").allocatedTo("sam", LATER))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("already-responsible"));
    }

    @Test
    void removalClosesTheEntryWithItsReasonAndIsFinal() {
        RegisterEntry removed = entryResponsibleTo("sam.patel").removed(RemovalReason.STEPPED_DOWN, LATER);

        assertThat(removed.isOpen()).isFalse();
        assertThat(removed.removalReason()).isEqualTo(RemovalReason.STEPPED_DOWN);
        assertThat(removed.removedAt()).isEqualTo(LATER);
        assertThatThrownBy(() -> removed.removed(RemovalReason.DIED, LATER))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> assertThat(broken.problem()).isEqualTo("register-entry-closed"));
        assertThatThrownBy(() -> removed.allocatedTo("jo.bloggs", LATER)).isInstanceOf(RuleBroken.class);
    }
}
