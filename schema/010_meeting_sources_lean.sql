-- 010_meeting_sources_lean: meeting sources lose their index by article, as mentions,
-- statements and relations did in 005_lean_writes: no report or command looks meeting sources
-- up by article (they are read by meeting), and no command deletes articles.
DROP INDEX meeting_sources_by_article;
