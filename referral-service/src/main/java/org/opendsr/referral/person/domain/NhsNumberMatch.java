package org.opendsr.referral.person.domain;

import java.time.LocalDate;

/**
 * A referral whose NHS number the DSR already holds links to that person only if the date of birth agrees too. A
 * mistyped NHS number can still pass the Modulus 11 check (two transposed digits often do), and linking it would
 * give the referrer a stranger's whole record. The date of birth decides because it almost never changes; names do
 * (marriage, adoption, transition), so a different name alone does not refuse the link: it is kept on the referral
 * for the DSR team to review instead.
 */
public final class NhsNumberMatch {

    private NhsNumberMatch() {
    }

    /**
     * True when the referral may link to the person held under its NHS number. A person whose first contact has no
     * date of birth yet cannot be contradicted: the referral supplies it.
     */
    public static boolean isTheSamePerson(LocalDate heldDateOfBirth, LocalDate referredDateOfBirth) {
        return heldDateOfBirth == null || referredDateOfBirth == null || heldDateOfBirth.equals(referredDateOfBirth);
    }

    /** The refusal names the NHS number and quotes nothing about either person. */
    public static final String DIFFERS = "the NHS number is held for a person whose date of birth differs; check both";
}
