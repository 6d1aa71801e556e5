-- 012_meeting_lookup_covering: the index by which the writer (and merge) find an earlier report
-- of a meeting also holds its status, so that the lookup reads only the index.
--
-- A lookup reads that actor's dated meetings of three days and keeps those with the same status;
-- with the status only in the table, each of them cost a read of its table row. In a large
-- database those rows are spread over the file and no longer in the page cache: the last
-- 10,000 of 100,000 generated articles (about 2.3 such meetings per lookup) took 3.5 % less
-- time with the index below.
DROP INDEX meetings_by_first_participant;
CREATE INDEX meetings_by_first_participant ON meetings (first_participant_id, date, status)
    WHERE date IS NOT NULL;
