-- 011_meeting_first_participant: each meeting names its participant with the smallest actor id,
-- so that the writer finds an earlier report of the same meeting by that actor and the date.
--
-- Before, it read every meeting of the three days around the date and checked each one's
-- participants. In a large database those days hold many meetings: at 100,000 generated
-- articles (dates spread over 78 years) about 25 per lookup, and a corpus of a few years
-- holds far more. Now it reads only that actor's meetings of those days. The column repeats
-- what meeting_participants says; the writer and merge set it when they insert a meeting.
-- meetings_by_date goes: only that lookup used it (no report's plan does; the meetings report
-- sorts by `date IS NULL, date`, which it cannot serve).
ALTER TABLE meetings ADD COLUMN first_participant_id INTEGER REFERENCES actors (actor_id);
UPDATE meetings SET first_participant_id = (SELECT min(p.actor_id) FROM meeting_participants p
                                            WHERE p.meeting_id = meetings.meeting_id);
-- Undated meetings never merge, so the index leaves them out (a third of them).
CREATE INDEX meetings_by_first_participant ON meetings (first_participant_id, date)
    WHERE date IS NOT NULL;
DROP INDEX meetings_by_date;
