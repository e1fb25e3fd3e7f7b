package org.opendsr.referral.person.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.kit.rules.GivenOrLeftOut;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.EthnicCategory;
import org.opendsr.referral.person.domain.GenderIdentity;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.referral.person.domain.PhoneNumberFormat;
import org.opendsr.referral.person.domain.PostcodeFormat;
import org.opendsr.referral.shared.application.ReferralSettings;

/**
 * The checks a person's details pass before anything is written, wherever they come from (the API or an agency
 * system). Each refusal names the field by its path in what was sent (e.g. {@code contacts[1].phone}) and never
 * quotes the value.
 */
@Singleton
public class PersonDetailsChecks {

    /** Older than anyone alive: a date of birth before this is a typing error. */
    static final int OLDEST_PLAUSIBLE_AGE = 120;

    private final ReferralSettings settings;

    public PersonDetailsChecks(ReferralSettings settings) {
        this.settings = settings;
    }

    /**
     * The NHS number, if one was given (left out: not known); refused if blank (issue 15: "" is not a way to say
     * "not known"), or if it fails the Modulus 11 check (or is a test number where not accepted).
     */
    public Optional<NhsNumber> nhsNumber(String field, @Nullable String text) {
        if (GivenOrLeftOut.value(field, text).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NhsNumber.parse(text, settings.isAcceptTestNhsNumbers()));
        } catch (NhsNumber.InvalidNhsNumber invalid) {
            throw RuleBroken.invalid(field, invalid.problem().message());
        }
    }

    /**
     * Optional identifiers of a referred person not checked elsewhere (issue 15): each is left out or given, never
     * blank, on every route (the NHS number, demographics, contacts and key professionals are checked by their own
     * checks, which apply the same rule). Request bodies say the same with {@code @NotBlankWhenGiven}; this is the
     * check agency events reach, and it names each field by its path in what was sent.
     */
    public void optionalValues(String prefix, NewPerson person) {
        GivenOrLeftOut.check(prefix + "locality", person.locality());
        addressLines(prefix + "address.", person.address());
    }

    /** An address's lines are each left out or given: a blank line says nothing about where someone lives. */
    public void addressLines(String prefix, Address address) {
        GivenOrLeftOut.check(prefix + "line1", address.line1());
        GivenOrLeftOut.check(prefix + "line2", address.line2());
        GivenOrLeftOut.check(prefix + "town", address.town());
    }

    public void dateOfBirth(String field, LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth.isAfter(today)) {
            throw RuleBroken.invalid(field, "cannot be in the future");
        }
        if (dateOfBirth.isBefore(today.minusYears(OLDEST_PLAUSIBLE_AGE))) {
            throw RuleBroken.invalid(field, "is more than " + OLDEST_PLAUSIBLE_AGE + " years ago");
        }
    }

    /** One of the ICB's configured localities; where someone may have moved away, also OUT_OF_AREA. */
    public void locality(String field, String locality, boolean outOfAreaAllowed) {
        if (settings.getLocalities().contains(locality)) {
            return;
        }
        if (outOfAreaAllowed && ReferralSettings.OUT_OF_AREA.equals(locality)) {
            return;
        }
        throw RuleBroken.invalid(field, "must be one of " + settings.getLocalities()
                + (outOfAreaAllowed ? " or " + ReferralSettings.OUT_OF_AREA : ""));
    }

    /** The postcode as Royal Mail writes it. */
    public String postcode(String field, String text) {
        if (!PostcodeFormat.isValid(text)) {
            throw RuleBroken.invalid(field, "must be a UK postcode, e.g. SN1 2JH");
        }
        return PostcodeFormat.normalise(text);
    }

    public void demographics(String prefix, Demographics demographics) {
        GivenOrLeftOut.check(prefix + "ethnicCategory", demographics.ethnicCategory());
        GivenOrLeftOut.check(prefix + "genderIdentity", demographics.genderIdentity());
        if (demographics.ethnicCategory() != null && EthnicCategory.ofCode(demographics.ethnicCategory()).isEmpty()) {
            throw RuleBroken.invalid(prefix + "ethnicCategory",
                    "must be an NHS Data Dictionary ethnic category code: " + EthnicCategory.CODES);
        }
        if (demographics.genderIdentity() != null && GenderIdentity.ofCode(demographics.genderIdentity()).isEmpty()) {
            throw RuleBroken.invalid(prefix + "genderIdentity",
                    "must be an NHS Data Dictionary gender identity code: " + GenderIdentity.CODES);
        }
    }

    public void phone(String field, @Nullable String phone) {
        GivenOrLeftOut.check(field, phone);
        if (phone != null && !PhoneNumberFormat.isValid(phone)) {
            throw RuleBroken.invalid(field, "must be a phone number of 7 to 15 digits, e.g. 01234 567890");
        }
    }

    public void contacts(String prefix, List<NewContact> contacts) {
        for (int i = 0; i < contacts.size(); i++) {
            NewContact contact = contacts.get(i);
            String at = prefix + "[" + i + "].";
            if (contact.relationship() == null) {
                throw RuleBroken.invalid(at + "relationship", "must not be null");
            }
            if (contact.relationship() != ContactRelationship.PERSON && blank(contact.name())) {
                throw RuleBroken.invalid(at + "name", "is needed for a parent, carer or paid carer");
            }
            if (blank(contact.phone()) && blank(contact.email())) {
                throw RuleBroken.invalid(at + "phone", "a phone number or an email is needed");
            }
            phone(at + "phone", contact.phone());
            GivenOrLeftOut.check(at + "email", contact.email());
            if (contact.hasParentalResponsibility() && !contact.relationship().mayHoldParentalResponsibility()) {
                throw RuleBroken.invalid(at + "hasParentalResponsibility",
                        "only a parent or carer (PARENT_OR_CARER) can hold parental responsibility");
            }
        }
    }

    /**
     * The one contact of a self or family referral's first contact, named as that request names its fields: its
     * {@code phone} and {@code email}, and {@code madeBy} for who made the referral (the person, or a parent or
     * carer; a paid carer refers through a professional).
     */
    public void firstContact(NewContact contact) {
        // Checked first: a first contact is no use without any way to reach back (blank ones are refused below).
        if (contact.phone() == null && contact.email() == null) {
            throw RuleBroken.invalid("phone", "a phone number or an email is needed");
        }
        if (contact.relationship() == null) {
            throw RuleBroken.invalid("madeBy.relationship", "must not be null");
        }
        if (contact.relationship() == ContactRelationship.PAID_CARER) {
            throw RuleBroken.invalid("madeBy.relationship", "must be PERSON or PARENT_OR_CARER");
        }
        if (contact.relationship() == ContactRelationship.PARENT_OR_CARER && blank(contact.name())) {
            throw RuleBroken.invalid("madeBy.name", "is needed when a parent or carer makes the referral");
        }
        if (blank(contact.phone()) && blank(contact.email())) {
            throw RuleBroken.invalid("phone", "a phone number or an email is needed");
        }
        phone("phone", contact.phone());
        GivenOrLeftOut.check("email", contact.email());
        if (contact.hasParentalResponsibility() && !contact.relationship().mayHoldParentalResponsibility()) {
            throw RuleBroken.invalid("madeBy.hasParentalResponsibility",
                    "only a parent or carer (PARENT_OR_CARER) can hold parental responsibility");
        }
    }

    public void keyProfessionals(String prefix, List<NewKeyProfessional> professionals) {
        for (int i = 0; i < professionals.size(); i++) {
            NewKeyProfessional professional = professionals.get(i);
            String at = prefix + "[" + i + "].";
            if (blank(professional.phone()) && blank(professional.email())) {
                throw RuleBroken.invalid(at + "phone", "a phone number or an email is needed");
            }
            phone(at + "phone", professional.phone());
            GivenOrLeftOut.check(at + "email", professional.email());
            GivenOrLeftOut.check(at + "userId", professional.userId());
        }
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
