-- Issue 15: turning 18 is announced only for people the other services know (a referral of theirs was announced:
-- referral.complete). Until now it was also announced, and recorded as done, for people whose self or family referral
-- was never completed; consent-service dead-lettered those announcements. Forget them, so that such a person is
-- announced (again) once a referral of theirs is announced, if that comes within a year of their 18th birthday.
-- A completed self or family referral may have been completed after its announcement was dead-lettered, and no
-- completion time is kept to tell: forget those too. Announcing someone twice changes nothing for consent-service
-- (the month first told stands; the due date is the same).
DELETE FROM age_milestone m
 WHERE m.milestone = 'TURNED_18'
   AND (NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = m.person_id AND r.complete)
        OR EXISTS (SELECT 1 FROM referral r WHERE r.person_id = m.person_id AND r.route = 'SELF_OR_FAMILY'));
