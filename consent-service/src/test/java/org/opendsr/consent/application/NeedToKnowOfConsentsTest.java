package org.opendsr.consent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendsr.consent.application.ConsentAudit.Action;
import org.opendsr.consent.application.ConsentAudit.Entry;
import org.opendsr.consent.application.ConsentAudit.Outcome;
import org.opendsr.consent.domain.BestInterestsDecision;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentGiver;
import org.opendsr.consent.domain.ConsentRecording;
import org.opendsr.consent.domain.ConsentRenewalPolicy;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.consent.domain.ExplanationFormat;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.contracts.consent.ConsentWithdrawalReason;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;

/**
 * Who may record, renew, withdraw and read a person's consents, as the use cases decide it from the person's care
 * team (issue 11 finding 5), with every port in memory: the care team, not who recorded a consent, decides; those
 * without need to know are told the person or consent does not exist; every attempt is on the audit trail.
 */
class NeedToKnowOfConsentsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/London"));
    private static final LocalDate TODAY = LocalDate.now(CLOCK);

    private static final Caller REFERRER = professional("professional-1");
    private static final Caller RESPONSIBLE = professional("professional-4");
    private static final Caller BREAK_GLASS_READER = professional("professional-3");
    private static final Caller OUTSIDER = professional("professional-2");
    private static final Caller SWINDON_TEAM = dsrTeam("dsr-team-swindon", "SWINDON");
    private static final Caller WILTSHIRE_TEAM = dsrTeam("dsr-team-wiltshire", "WILTSHIRE");
    private static final Caller LEAD = new Caller("dsr-lead-1", Set.of(DsrRoles.DSR_LEAD), null, null, null);

    private final InMemoryConsentPorts.CareTeams careTeams = new InMemoryConsentPorts.CareTeams();
    private final InMemoryConsentPorts.Audit audit = new InMemoryConsentPorts.Audit();
    private final InMemoryConsentPorts.People people = new InMemoryConsentPorts.People();
    private final InMemoryConsentPorts.StoredConsents consents = new InMemoryConsentPorts.StoredConsents();
    private final InMemoryConsentPorts.Events events = new InMemoryConsentPorts.Events();

    private RecordingConsent recording;
    private WithdrawingConsent withdrawing;
    private ReadingConsents reading;
    private UUID personId;

    private static Caller professional(String userId) {
        return new Caller(userId, Set.of(DsrRoles.PROFESSIONAL), null, null, null);
    }

    private static Caller dsrTeam(String userId, String area) {
        return new Caller(userId, Set.of(DsrRoles.DSR_TEAM), Set.of(area), null, null, null, null);
    }

    private static CareTeamMember member(Caller caller, CareTeamRole role) {
        return new CareTeamMember(UUID.randomUUID(), caller.userId(), role, NOW.minus(Duration.ofDays(30)), null);
    }

    @BeforeEach
    void aPersonInSwindonReferredByProfessional1() {
        ConsentRenewalPolicy policy = ConsentRenewalPolicy.dsrDefault();
        ConsentAccess access = new ConsentAccess(careTeams, audit);
        MovingConsentOn movingOn = new MovingConsentOn(consents, policy, events);
        recording = new RecordingConsent(people, consents, new InMemoryConsentPorts.UncontendedLocks(),
                new ConsentRecording(policy), events, movingOn, access, CLOCK);
        withdrawing = new WithdrawingConsent(consents, events, movingOn, access, CLOCK);
        reading = new ReadingConsents(consents, people, new InMemoryConsentPorts.NoReminders(), access, CLOCK,
                new org.opendsr.kit.lifecycle.MergedPeople(null) {
                    @Override
                    public UUID survivorOf(UUID personId) {
                        return personId; // nobody merged here
                    }
                },
                new org.opendsr.kit.lifecycle.ProcessingRestrictions(null) {
                    @Override
                    public boolean isRestricted(UUID personId) {
                        return false;
                    }
                });

        personId = UUID.randomUUID();
        people.add(KnownPerson.referred(personId, UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                TODAY.minusMonths(1)), NOW.minus(Duration.ofDays(30)));
        careTeams.are(personId, "SWINDON", member(REFERRER, CareTeamRole.REFERRER),
                member(RESPONSIBLE, CareTeamRole.RESPONSIBLE_PROFESSIONAL),
                new CareTeamMember(UUID.randomUUID(), BREAK_GLASS_READER.userId(), CareTeamRole.BREAK_GLASS,
                        NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3))));
    }

    private static ConsentToRecord informedConsent(UUID personId) {
        return new ConsentToRecord(personId, ConsentBasis.INFORMED_CONSENT, ConsentGiver.THE_PERSON, TODAY, null,
                ExplanationFormat.EASY_READ, null, "Scanned to the team record", null);
    }

    private static ConsentToRecord bestInterestsDecision(UUID personId) {
        return new ConsentToRecord(personId, ConsentBasis.BEST_INTERESTS_DECISION,
                ConsentGiver.BEST_INTERESTS_DECISION_MAKER, TODAY,
                new BestInterestsDecision(TODAY.minusDays(2), "Consultant psychiatrist"), ExplanationFormat.EASY_READ,
                null, "Scanned to the team record", null);
    }

    private Consent recordedByTheReferrer() {
        Consent consent = recording.record(informedConsent(personId), REFERRER, AccessPurpose.DIRECT_CARE);
        audit.entries.clear();
        audit.committedAtOnce.clear();
        events.published.clear();
        return consent;
    }

    private Consent withdraw(UUID consentId, Caller caller) {
        return withdrawing.withdraw(consentId, ConsentWithdrawalReason.PERSON_WITHDREW, null, null, caller,
                AccessPurpose.DIRECT_CARE);
    }

    private static RuleBroken refusal(Runnable attempt) {
        return catchThrowableOfType(attempt::run, RuleBroken.class);
    }

    private Entry onlyEntry() {
        assertThat(audit.entries).hasSize(1);
        return audit.entries.get(0);
    }

    // ---- recording -------------------------------------------------------------------------------------------------

    @Test
    void theCareTeamTheAreasDsrTeamAndALeadMayRecordConsent() {
        for (Caller caller : new Caller[] {REFERRER, RESPONSIBLE, SWINDON_TEAM, LEAD}) {
            UUID someone = UUID.randomUUID();
            people.add(KnownPerson.referred(someone, UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                    TODAY.minusMonths(1)), NOW);
            careTeams.are(someone, "SWINDON", member(REFERRER, CareTeamRole.REFERRER),
                    member(RESPONSIBLE, CareTeamRole.RESPONSIBLE_PROFESSIONAL));

            Consent consent = recording.record(informedConsent(someone), caller, AccessPurpose.DIRECT_CARE);

            assertThat(consent.given().recordedBy()).isEqualTo(caller.userId());
        }
        assertThat(audit.entries).extracting(Entry::action, Entry::outcome)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(Action.RECORDED, Outcome.ALLOWED));
    }

    @Test
    void withoutNeedToKnowABestInterestsDecisionIsRefusedAsForAPersonNobodyReferred() {
        RuleBroken unknown = refusal(() -> recording.record(bestInterestsDecision(UUID.randomUUID()), SWINDON_TEAM,
                AccessPurpose.DIRECT_CARE));
        assertThat(audit.committedAtOnce).extracting(Entry::outcome).containsExactly(Outcome.NOT_FOUND);
        audit.entries.clear();
        audit.committedAtOnce.clear();

        for (Caller caller : new Caller[] {OUTSIDER, WILTSHIRE_TEAM}) {
            RuleBroken refused = refusal(() -> recording.record(bestInterestsDecision(personId), caller,
                    AccessPurpose.DIRECT_CARE));

            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
            assertThat(refused.field()).isEqualTo(unknown.field()).isEqualTo("personId");
            assertThat(refused.getMessage()).isEqualTo(unknown.getMessage());
        }
        assertThat(consents.historyOf(personId)).isEmpty();
        assertThat(events.published).isEmpty();
        assertThat(audit.committedAtOnce).extracting(Entry::actor, Entry::action, Entry::outcome, Entry::personId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OUTSIDER.userId(), Action.RECORDED, Outcome.REFUSED, personId),
                        org.assertj.core.groups.Tuple.tuple(WILTSHIRE_TEAM.userId(), Action.RECORDED, Outcome.REFUSED,
                                personId));
    }

    @Test
    void aBreakGlassReaderMayReadButNotRecord() {
        RuleBroken refused = refusal(() -> recording.record(informedConsent(personId), BREAK_GLASS_READER,
                AccessPurpose.SAFEGUARDING));

        assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN);
        assertThat(consents.historyOf(personId)).isEmpty();
        assertThat(onlyEntry().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(onlyEntry().purpose()).isEqualTo(AccessPurpose.SAFEGUARDING);
    }

    @Test
    void aRecordingARuleRefusesIsAuditedAsFailed() {
        recordedByTheReferrer();

        RuleBroken refused = refusal(() -> recording.record(informedConsent(personId), RESPONSIBLE,
                AccessPurpose.DIRECT_CARE));

        assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
        assertThat(audit.committedAtOnce).extracting(Entry::action, Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.RECORDED, Outcome.FAILED));
    }

    @Test
    void aRecordedConsentIsAuditedWithWhatWasRecordedButNoFreeText() {
        Consent consent = recording.record(informedConsent(personId), REFERRER, AccessPurpose.DIRECT_CARE);

        Entry entry = onlyEntry();
        assertThat(entry.what()).isEqualTo("consent " + consent.id());
        assertThat(entry.after()).containsEntry("basis", "INFORMED_CONSENT").containsEntry("status", "ACTIVE")
                .doesNotContainValue("Scanned to the team record");
        assertThat(audit.committedAtOnce).isEmpty();
    }

    // ---- withdrawing -----------------------------------------------------------------------------------------------

    // ---- renewing (issue 15) ----------------------------------------------------------------------------------------

    private static ConsentToRecord renewalOf(UUID personId, UUID consentId) {
        return new ConsentToRecord(personId, ConsentBasis.INFORMED_CONSENT, ConsentGiver.THE_PERSON, TODAY, null,
                ExplanationFormat.EASY_READ, null, "Scanned to the team record", consentId);
    }

    @Test
    void theCareTeamTheAreasDsrTeamAndALeadRenewAConsentSomeoneElseRecorded() {
        for (Caller caller : new Caller[] {RESPONSIBLE, SWINDON_TEAM, LEAD}) {
            aPersonInSwindonReferredByProfessional1();
            Consent recorded = recordedByTheReferrer();

            Consent renewal = recording.record(renewalOf(personId, recorded.id()), caller, AccessPurpose.DIRECT_CARE);

            assertThat(renewal.given().recordedBy()).isEqualTo(caller.userId());
            assertThat(consents.findForUpdate(recorded.id()).orElseThrow().state()).isEqualTo(ConsentState.RENEWED);
            assertThat(onlyEntry().action()).isEqualTo(Action.RENEWED);
            assertThat(onlyEntry().outcome()).isEqualTo(Outcome.ALLOWED);
        }
    }

    @Test
    void outsideTheCareTeamARenewalIsRefusedAsForAPersonNobodyReferred() {
        Consent recorded = recordedByTheReferrer();
        RuleBroken unknown = refusal(() -> recording.record(renewalOf(UUID.randomUUID(), recorded.id()), OUTSIDER,
                AccessPurpose.DIRECT_CARE));

        for (Caller caller : new Caller[] {OUTSIDER, WILTSHIRE_TEAM}) {
            RuleBroken refused = refusal(() -> recording.record(renewalOf(personId, recorded.id()), caller,
                    AccessPurpose.DIRECT_CARE));

            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
            assertThat(refused.getMessage()).isEqualTo(unknown.getMessage());
        }
        assertThat(refusal(() -> recording.record(renewalOf(personId, recorded.id()), BREAK_GLASS_READER,
                AccessPurpose.DIRECT_CARE)).kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN);
        assertThat(consents.findForUpdate(recorded.id()).orElseThrow().state()).isEqualTo(ConsentState.ACTIVE);
        assertThat(audit.committedAtOnce).filteredOn(entry -> personId.equals(entry.personId()))
                .extracting(Entry::actor, Entry::action, Entry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OUTSIDER.userId(), Action.RENEWED, Outcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(WILTSHIRE_TEAM.userId(), Action.RENEWED, Outcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(BREAK_GLASS_READER.userId(), Action.RENEWED,
                                Outcome.REFUSED));
    }

    @Test
    void aRenewalNamingTheConsentOfAPersonTheCallerMayNotChangeIsAsAnUnknownConsent() {
        Consent others = recordedByTheReferrer();
        UUID own = UUID.randomUUID();
        people.add(KnownPerson.referred(own, UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                TODAY.minusMonths(1)), NOW);
        careTeams.are(own, "SWINDON", member(OUTSIDER, CareTeamRole.REFERRER));
        RuleBroken unknown = refusal(() -> recording.record(renewalOf(own, UUID.randomUUID()), OUTSIDER,
                AccessPurpose.DIRECT_CARE));
        audit.committedAtOnce.clear();

        RuleBroken refused = refusal(() -> recording.record(renewalOf(own, others.id()), OUTSIDER,
                AccessPurpose.DIRECT_CARE));

        assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
        assertThat(refused.field()).isEqualTo(unknown.field()).isEqualTo("renewalOf");
        assertThat(refused.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(consents.findForUpdate(others.id()).orElseThrow().state()).isEqualTo(ConsentState.ACTIVE);
        assertThat(consents.historyOf(own)).isEmpty();
        assertThat(audit.committedAtOnce).extracting(Entry::personId, Entry::action, Entry::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple(personId, Action.RENEWED, Outcome.REFUSED));
    }

    @Test
    void theResponsibleProfessionalWithdrawsAConsentTheReferrerRecorded() {
        Consent consent = recordedByTheReferrer();

        withdraw(consent.id(), RESPONSIBLE);

        assertThat(consent.state()).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(onlyEntry().action()).isEqualTo(Action.WITHDRAWN);
        assertThat(onlyEntry().before()).containsEntry("status", "ACTIVE");
        assertThat(onlyEntry().after()).containsEntry("status", "WITHDRAWN");
    }

    @Test
    void theRecorderWhoLeftTheCareTeamMayNoLongerWithdrawOrRead() {
        Consent consent = recordedByTheReferrer();
        careTeams.are(personId, "SWINDON", member(RESPONSIBLE, CareTeamRole.RESPONSIBLE_PROFESSIONAL));
        RuleBroken unknown = refusal(() -> withdraw(UUID.randomUUID(), REFERRER));

        RuleBroken refused = refusal(() -> withdraw(consent.id(), REFERRER));
        RuleBroken unread = refusal(() -> reading.consent(consent.id(), REFERRER, AccessPurpose.DIRECT_CARE));

        assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
        assertThat(refused.getMessage()).isEqualTo(unknown.getMessage()).isEqualTo(unread.getMessage());
        assertThat(consent.state()).isEqualTo(ConsentState.ACTIVE);
        assertThat(events.published).isEmpty();
        assertThat(audit.committedAtOnce).extracting(Entry::action, Entry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.WITHDRAWN, Outcome.NOT_FOUND),
                        org.assertj.core.groups.Tuple.tuple(Action.WITHDRAWN, Outcome.REFUSED),
                        org.assertj.core.groups.Tuple.tuple(Action.READ, Outcome.REFUSED));
    }

    @Test
    void aBreakGlassReaderMayNotWithdraw() {
        Consent consent = recordedByTheReferrer();

        assertThat(refusal(() -> withdraw(consent.id(), BREAK_GLASS_READER)).kind())
                .isEqualTo(RuleBroken.Kind.FORBIDDEN);
        assertThat(consent.state()).isEqualTo(ConsentState.ACTIVE);
    }

    @Test
    void aBreakGlassReadEndsWhenItsTimeIsUp() {
        Consent consent = recordedByTheReferrer();
        careTeams.are(personId, "SWINDON", member(REFERRER, CareTeamRole.REFERRER),
                new CareTeamMember(UUID.randomUUID(), BREAK_GLASS_READER.userId(), CareTeamRole.BREAK_GLASS,
                        NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(1))));

        assertThat(refusal(() -> reading.consent(consent.id(), BREAK_GLASS_READER, AccessPurpose.SAFEGUARDING))
                .kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    @Test
    void theCareTeamTheBreakGlassReaderTheAreasTeamAndALeadReadConsentAndHistory() {
        Consent consent = recordedByTheReferrer();

        for (Caller caller : new Caller[] {REFERRER, RESPONSIBLE, BREAK_GLASS_READER, SWINDON_TEAM, LEAD}) {
            assertThat(reading.consent(consent.id(), caller, AccessPurpose.DIRECT_CARE).consent().id())
                    .isEqualTo(consent.id());
            assertThat(reading.historyOf(personId, caller, AccessPurpose.DIRECT_CARE).current()).contains(consent);
        }
        assertThat(audit.entries).hasSize(10).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(Action.READ);
            assertThat(entry.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(entry.personId()).isEqualTo(personId);
        });
    }

    @Test
    void withoutNeedToKnowAHistoryIsAsForAPersonNobodyReferred() {
        RuleBroken unknown = refusal(() -> reading.historyOf(UUID.randomUUID(), LEAD, AccessPurpose.DIRECT_CARE));

        for (Caller caller : new Caller[] {OUTSIDER, WILTSHIRE_TEAM}) {
            RuleBroken refused = refusal(() -> reading.historyOf(personId, caller, AccessPurpose.DIRECT_CARE));
            assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
            assertThat(refused.getMessage()).isEqualTo(unknown.getMessage());
        }
        assertThat(audit.committedAtOnce).extracting(Entry::outcome)
                .containsExactly(Outcome.NOT_FOUND, Outcome.REFUSED, Outcome.REFUSED);
    }

    @Test
    void aDsrTeamMemberSeesPeopleInNoAreaYet() {
        UUID unplaced = UUID.randomUUID();
        people.add(KnownPerson.referred(unplaced, UUID.randomUUID(), LifeStage.ADULT, AgeBand.AGE_25_TO_34,
                TODAY.minusMonths(1)), NOW);

        assertThat(reading.historyOf(unplaced, WILTSHIRE_TEAM, AccessPurpose.DIRECT_CARE).consents()).isEmpty();
        assertThat(refusal(() -> reading.historyOf(unplaced, OUTSIDER, AccessPurpose.DIRECT_CARE)).kind())
                .isEqualTo(RuleBroken.Kind.NOT_FOUND);
    }
}
