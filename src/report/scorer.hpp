// Scoring one article's graph against its gold annotation, as shared/eval/GOLD.md describes
// and shared/eval/score.py computes: plain structs in, counts and missed/false items out.
#pragma once

#include "report/gold.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

// ---- Prediction: rows of the public views, NULL read as empty unless it matters ----

/// A row of v_actors (also of v_article_actors joined with it).
struct ActorRow {
    std::string name;
    std::string kind;
    std::string country;
};

/// A row of v_statements.
struct StatementRow {
    std::optional<std::string> speaker; ///< nullopt when the text names none
    std::string quote;
    std::string kind; ///< direct or indirect
};

/// A row of v_meetings: one per participant.
struct MeetingRow {
    std::int64_t meeting = 0;
    std::optional<std::string> date;
    std::optional<std::string> place;
    std::string participant;
};

/// A row of v_relations: one per topic.
struct RelationRow {
    std::int64_t relation = 0;
    std::string source;
    std::string target;
    std::string type;
    std::string polarity;
    std::optional<std::string> topic;
};

/// One article's database as the views show it, rows in the views' order.
struct Prediction {
    std::vector<ActorRow> article_actors; ///< the actors v_article_actors links to the article
    std::vector<ActorRow> actors;         ///< every row of v_actors
    std::vector<StatementRow> statements;
    std::vector<MeetingRow> meetings;
    std::vector<RelationRow> relations;
};

// ---- Scores ----

/// Precision is tp / predicted, recall gold_found / gold.
struct Tally {
    int tp = 0;
    int predicted = 0;
    int gold_found = 0;
    int gold = 0;
};

/// Readable descriptions of the required gold items not found and the predictions not in gold.
struct Misses {
    std::vector<std::string> missed;
    std::vector<std::string> wrong;
};

struct ActorScore {
    Tally tally;
    Misses items;
};

struct StatementScore {
    Tally tally;
    int detected = 0; ///< required quotes found with any speaker; gold_found counts right speakers
    Misses items;
};

struct MeetingScore {
    Tally tally;
    int date_ok = 0;
    int date_n = 0;
    int place_ok = 0;
    int place_n = 0;
    Misses items;
};

struct RelationScore {
    Tally tally;
    int type_ok = 0;
    int topic_ok = 0;
    int topic_n = 0;
    Misses items;
};

struct ArticleScore {
    ActorScore actors;
    StatementScore statements;
    MeetingScore meetings;
    RelationScore strict;  ///< endpoints are the gold actors
    RelationScore country; ///< persons rolled up to their country first
};

/// Scores one article.
ArticleScore score_article(const Gold &gold, const Prediction &prediction);

/// The counts of all articles summed (missed and wrong items are left empty).
ArticleScore sum_scores(std::span<const ArticleScore> scores);

/// Precision, recall and F1; nullopt where the denominator is zero.
struct Prf {
    std::optional<double> precision;
    std::optional<double> recall;
    std::optional<double> f1;
};

Prf precision_recall(const Tally &tally);

/// The key names are compared by: NFKD, combining marks stripped, case-folded, every run of
/// characters other than letters and digits one space, a leading "the" dropped
/// ("The Élysée-Palace" -> "elysee palace").
std::string norm(std::string_view text);

} // namespace diplograph
