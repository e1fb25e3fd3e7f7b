-- Issue 15: whose consent it is. A consent given for the person (a best-interests decision, parental responsibility,
-- a welfare deputy or attorney) is renewed by whoever speaks for them, so its reminders go to their representative.
-- From consent-service's dsr.consent.recorded.v1 (basis); null for standings kept before this, until the next one.
ALTER TABLE consent_standing
    ADD COLUMN basis TEXT CHECK (basis IN ('INFORMED_CONSENT', 'BEST_INTERESTS_DECISION', 'PARENTAL_RESPONSIBILITY',
                                           'WELFARE_DEPUTY_OR_ATTORNEY'));
