// `diplograph eval`: ingest each article that has a gold file into a fresh database, read it
// back through the public views and score it as shared/eval/GOLD.md describes.
#include "cli/commands.hpp"
#include "cli/lexicon_option.hpp"
#include "common/errors.hpp"
#include "extract/extraction.hpp"
#include "reader/reader.hpp"
#include "report/scorer.hpp"
#include "store/database.hpp"
#include "store/embedded_sql.hpp"
#include "store/writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>

namespace diplograph {

namespace {

namespace fs = std::filesystem;

/// A kind of fact in the summary table, with the --min-* option that guards its F1.
struct Kind {
    const char *label;  ///< as score.py prints it
    const char *option; ///< --min-...
};
constexpr Kind kinds[] = {{"actors", "--min-actors"},
                          {"statements (direct)", "--min-statements"},
                          {"meetings", "--min-meetings"},
                          {"relations strict", "--min-relations"},
                          {"relations country", "--min-country"}};
constexpr std::size_t kind_count = std::size(kinds);

struct EvalOptions {
    std::string articles;
    std::string gold;
    std::string lexicon;
    std::string json;
    bool verbose = false;
    std::array<std::optional<double>, kind_count> minimum; ///< by kinds[]
};

/// An article and its gold annotation.
struct Case {
    std::string name; ///< the article's file stem
    fs::path article;
    Gold gold;
};

struct ArticleResult {
    std::string name;
    std::vector<std::string> errors;
    double seconds = 0;
    ArticleScore score;
};

/// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device device;
        m_path = fs::temp_directory_path() / fmt::format("diplograph-eval-{:x}", device());
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
};

/// Every DIR/*.json article with a gold file, by name, golds parsed (a bad one throws).
std::vector<Case> find_cases(const EvalOptions &options) {
    const fs::path gold_dir = options.gold.empty() ? options.articles : options.gold;
    std::vector<fs::path> articles;
    for (const auto &entry : fs::directory_iterator(options.articles)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            articles.push_back(entry.path());
        }
    }
    std::sort(articles.begin(), articles.end());
    std::vector<Case> cases;
    for (const auto &article : articles) {
        const std::string name = article.stem().string();
        const fs::path gold = gold_dir / (name + ".gold.json");
        if (fs::exists(gold)) {
            cases.push_back({name, article, parse_gold(read_file(gold.string()), gold.string())});
        }
    }
    if (cases.empty()) {
        throw InputError(fmt::format("no article in {} has a gold file ({}/NAME.gold.json)",
                                     options.articles, gold_dir.string()));
    }
    return cases;
}

SQLite::Statement eval_statement(SQLite::Database &db, std::string_view name) {
    return SQLite::Statement(db, std::string(named_statement(eval_statements()[0].text, name)));
}

std::optional<std::string> optional_text(const SQLite::Column &column) {
    return column.isNull() ? std::nullopt : std::optional(column.getString());
}

std::vector<ActorRow> read_actors(SQLite::Database &db, std::string_view query, int first) {
    std::vector<ActorRow> rows;
    auto st = eval_statement(db, query);
    while (st.executeStep()) {
        rows.push_back({st.getColumn(first).getString(), st.getColumn(first + 1).getString(),
                        st.getColumn(first + 2).getString()});
    }
    return rows;
}

/// The article's graph as the public views show it, read like score.py reads it.
Prediction read_prediction(SQLite::Database &db) {
    Prediction prediction;
    prediction.article_actors = read_actors(db, "article_actors", 0);
    prediction.actors = read_actors(db, "all_actors", 1);
    auto statements = eval_statement(db, "statements");
    while (statements.executeStep()) {
        prediction.statements.push_back({optional_text(statements.getColumn(1)),
                                         statements.getColumn(2).getString(),
                                         statements.getColumn(3).getString()});
    }
    auto meetings = eval_statement(db, "meetings");
    while (meetings.executeStep()) {
        prediction.meetings.push_back(
            {meetings.getColumn(0).getInt64(), optional_text(meetings.getColumn(1)),
             optional_text(meetings.getColumn(2)), meetings.getColumn(3).getString()});
    }
    auto relations = eval_statement(db, "relations");
    while (relations.executeStep()) {
        prediction.relations.push_back(
            {relations.getColumn(0).getInt64(), relations.getColumn(1).getString(),
             relations.getColumn(2).getString(), relations.getColumn(3).getString(),
             relations.getColumn(4).getString(), optional_text(relations.getColumn(5))});
    }
    return prediction;
}

/// Ingests one article into a new database at `path` the way `ingest` does, and reads it back.
Prediction ingest_and_read(const fs::path &article_path, const fs::path &path,
                           const Lexicon &lexicon) {
    const Article article = parse_article(read_file(article_path.string()), ArticleFormat::json,
                                          article_path.string(), {});
    const Extraction extraction = extract(article, lexicon);
    SQLite::Database db = open_database(path.string());
    try {
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        ArticleWriter(db, lexicon).write(article, content_hash(article.text), extraction);
        sync_statement_search(db);
        transaction.commit();
        return read_prediction(db);
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("cannot store {}: {}", article.origin, e.what()));
    }
}

ArticleResult evaluate(const Case &item, const fs::path &db_path, const Lexicon &lexicon) {
    ArticleResult result{item.name, {}, 0, {}};
    const auto started = std::chrono::steady_clock::now();
    Prediction prediction;
    try {
        prediction = ingest_and_read(item.article, db_path, lexicon);
    } catch (const InputError &e) {
        // As score.py does: the article counts with an empty graph and the error is listed.
        result.errors.emplace_back(e.what());
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.score = score_article(item.gold, prediction);
    return result;
}

// ---- Printing ----

const Tally &tally_of(const ArticleScore &score, std::size_t kind) {
    const Tally *tallies[] = {&score.actors.tally, &score.statements.tally, &score.meetings.tally,
                              &score.strict.tally, &score.country.tally};
    return *tallies[kind];
}

std::string detail_of(const ArticleScore &total, std::size_t kind) {
    const Tally &t = tally_of(total, kind);
    std::string detail = fmt::format("{}/{} gold found, {}/{} predicted right", t.gold_found,
                                     t.gold, t.tp, t.predicted);
    if (kind == 1 && total.statements.detected > 0) {
        detail += fmt::format(", attribution {}/{}", t.gold_found, total.statements.detected);
    } else if (kind == 2) {
        const auto &m = total.meetings;
        detail +=
            fmt::format(", date {}/{}, place {}/{}", m.date_ok, m.date_n, m.place_ok, m.place_n);
    } else if (kind >= 3) {
        const auto &r = kind == 3 ? total.strict : total.country;
        detail += fmt::format(", type {}/{}, topic {}/{}", r.type_ok, t.gold_found, r.topic_ok,
                              r.topic_n);
    }
    return detail;
}

std::string number(const std::optional<double> &value) {
    return value ? fmt::format("{:5.2f}", *value) : "  -  ";
}

void print_summary(const ArticleScore &total, const std::vector<ArticleResult> &results) {
    std::cout << fmt::format("{:<22}{:>7}{:>8}{:>7}   detail\n", "kind", "prec", "recall", "F1");
    for (std::size_t kind = 0; kind < kind_count; ++kind) {
        const Prf prf = precision_recall(tally_of(total, kind));
        std::cout << fmt::format("{:<22}{:>7}{:>8}{:>7}   {}\n", kinds[kind].label,
                                 number(prf.precision), number(prf.recall), number(prf.f1),
                                 detail_of(total, kind));
    }
    double seconds = 0;
    for (const auto &result : results) {
        seconds += result.seconds;
    }
    std::cout << fmt::format("articles {}, ingest {:.3f}s in all\n", results.size(), seconds);
    for (const auto &result : results) {
        for (const auto &error : result.errors) {
            std::cout << fmt::format("error {}: {}\n", result.name, error);
        }
    }
}

void print_items(const char *kind, const Misses &items) {
    for (const auto &item : items.missed) {
        std::cout << fmt::format("  missed {}: {}\n", kind, item);
    }
    for (const auto &item : items.wrong) {
        std::cout << fmt::format("  false  {}: {}\n", kind, item);
    }
}

void print_details(const std::vector<ArticleResult> &results) {
    for (const auto &result : results) {
        std::cout << fmt::format("\n== {}\n", result.name);
        print_items("actors", result.score.actors.items);
        print_items("statements", result.score.statements.items);
        print_items("meetings", result.score.meetings.items);
        print_items("relation", result.score.strict.items);
    }
}

// ---- JSON ----

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_string(JsonWriter &out, std::string_view text) {
    out.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_strings(JsonWriter &out, std::string_view key, const std::vector<std::string> &texts) {
    write_string(out, key);
    out.StartArray();
    for (const auto &text : texts) {
        write_string(out, text);
    }
    out.EndArray();
}

void write_counts(JsonWriter &out, std::initializer_list<std::pair<const char *, int>> counts) {
    for (const auto &[key, value] : counts) {
        out.Key(key);
        out.Int(value);
    }
}

void write_tally(JsonWriter &out, const Tally &t) {
    write_counts(
        out,
        {{"tp", t.tp}, {"predicted", t.predicted}, {"gold_found", t.gold_found}, {"gold", t.gold}});
}

/// The counts of one kind, as score.py names them.
void write_kind(JsonWriter &out, const ArticleScore &score, std::size_t kind) {
    write_tally(out, tally_of(score, kind));
    if (kind == 1) {
        write_counts(out, {{"detected", score.statements.detected}});
    } else if (kind == 2) {
        const auto &m = score.meetings;
        write_counts(out, {{"date_ok", m.date_ok},
                           {"date_n", m.date_n},
                           {"place_ok", m.place_ok},
                           {"place_n", m.place_n}});
    } else if (kind >= 3) {
        const auto &r = kind == 3 ? score.strict : score.country;
        write_counts(out,
                     {{"type_ok", r.type_ok}, {"topic_ok", r.topic_ok}, {"topic_n", r.topic_n}});
    }
}

void write_optional(JsonWriter &out, const char *key, const std::optional<double> &value) {
    out.Key(key);
    value ? out.Double(*value) : out.Null();
}

void write_summary(JsonWriter &out, const ArticleScore &total) {
    out.StartObject();
    for (std::size_t kind = 0; kind < kind_count; ++kind) {
        const Prf prf = precision_recall(tally_of(total, kind));
        out.Key(kinds[kind].label);
        out.StartObject();
        write_optional(out, "precision", prf.precision);
        write_optional(out, "recall", prf.recall);
        write_optional(out, "f1", prf.f1);
        write_kind(out, total, kind);
        out.EndObject();
    }
    out.EndObject();
}

void write_article(JsonWriter &out, const ArticleResult &result) {
    static constexpr const char *keys[] = {"actors", "statements", "meetings", "strict", "country"};
    const Misses *items[] = {&result.score.actors.items, &result.score.statements.items,
                             &result.score.meetings.items, &result.score.strict.items,
                             &result.score.country.items};
    out.StartObject();
    out.Key("article");
    write_string(out, result.name);
    write_strings(out, "errors", result.errors);
    out.Key("seconds");
    out.Double(result.seconds);
    for (std::size_t kind = 0; kind < kind_count; ++kind) {
        if (kind == 3) {
            out.Key("relations");
            out.StartObject();
        }
        out.Key(keys[kind]);
        out.StartObject();
        write_kind(out, result.score, kind);
        write_strings(out, "false", items[kind]->wrong);
        write_strings(out, "missed", items[kind]->missed);
        out.EndObject();
    }
    out.EndObject(); // relations
    out.EndObject();
}

/// Writes {"summary": ..., "articles": [...]} to a temporary name, renamed when complete.
void write_json(const std::string &path, const ArticleScore &total,
                const std::vector<ArticleResult> &results) {
    rapidjson::StringBuffer buffer;
    JsonWriter out(buffer);
    out.SetIndent(' ', 1);
    out.StartObject();
    out.Key("summary");
    write_summary(out, total);
    out.Key("articles");
    out.StartArray();
    for (const auto &result : results) {
        write_article(out, result);
    }
    out.EndArray();
    out.EndObject();
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << buffer.GetString() << '\n';
        if (!file.flush()) {
            throw InputError(fmt::format("cannot write {}", temporary));
        }
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) {
        throw InputError(fmt::format("cannot write {}: {}", path, error.message()));
    }
}

// ---- Running ----

/// Prints each F1 below its --min-* threshold to stderr; true when all pass.
bool meets_thresholds(const EvalOptions &options, const ArticleScore &total) {
    bool ok = true;
    for (std::size_t kind = 0; kind < kind_count; ++kind) {
        const auto &minimum = options.minimum[kind];
        const auto f1 = precision_recall(tally_of(total, kind)).f1;
        if (minimum && (!f1 || *f1 < *minimum)) {
            std::cerr << fmt::format("diplograph: {} F1 {} is below {} {}\n", kinds[kind].label,
                                     f1 ? fmt::format("{:.4f}", *f1) : "(undefined)",
                                     kinds[kind].option, *minimum);
            ok = false;
        }
    }
    return ok;
}

int run_eval(const EvalOptions &options) {
    if (!fs::is_directory(options.articles)) {
        throw UsageError(fmt::format("{} is not a directory", options.articles));
    }
    if (!options.gold.empty() && !fs::is_directory(options.gold)) {
        throw UsageError(fmt::format("--gold {} is not a directory", options.gold));
    }
    const auto cases = find_cases(options);
    const Lexicon &lexicon = load_command_lexicon(options.lexicon);
    const TempDir temp;
    std::vector<ArticleResult> results;
    for (const auto &item : cases) {
        results.push_back(
            evaluate(item, temp.path() / fmt::format("{}.db", results.size()), lexicon));
    }
    std::vector<ArticleScore> scores;
    for (const auto &result : results) {
        scores.push_back(result.score);
    }
    const ArticleScore total = sum_scores(scores);
    print_summary(total, results);
    if (options.verbose) {
        print_details(results);
    }
    if (!options.json.empty()) {
        write_json(options.json, total, results);
    }
    const bool failed = std::any_of(results.begin(), results.end(),
                                    [](const auto &r) { return !r.errors.empty(); });
    return meets_thresholds(options, total) && !failed ? 0 : 1;
}

} // namespace

CommandRunner add_eval_command(CLI::App &app) {
    auto options = std::make_shared<EvalOptions>();
    auto *cmd = app.add_subcommand(
        "eval", "Score extraction against gold annotations (DIR/NAME.json with NAME.gold.json, see "
                "GOLD.md); "
                "exit 1 when an article fails or an F1 is below its --min-* threshold");
    cmd->add_option("dir", options->articles, "Directory of articles (NAME.json)")
        ->required()
        ->type_name("DIR");
    cmd->add_option("--gold", options->gold,
                    "Directory of gold files NAME.gold.json (default: DIR)")
        ->type_name("DIR");
    add_lexicon_option(*cmd, options->lexicon);
    cmd->add_flag("--verbose,-v", options->verbose,
                  "List every missed and false item of each article");
    cmd->add_option("--json", options->json,
                    "Write the full result (summary and every article) here")
        ->type_name("OUT");
    const char *what[] = {"actors", "direct statements", "meetings", "strict relations",
                          "country-level relations"};
    for (std::size_t kind = 0; kind < kind_count; ++kind) {
        cmd->add_option(kinds[kind].option, options->minimum[kind],
                        fmt::format("Exit 1 when the F1 of {} is below this", what[kind]))
            ->type_name("F")
            ->check(CLI::Range(0.0, 1.0));
    }
    return [options] { return run_eval(*options); };
}

} // namespace diplograph
