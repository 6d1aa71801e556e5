// Reliability through the real binary: ingests killed with SIGKILL, ingests and reports running
// at once on one database, hostile names and foreign databases, a user's broken lexicon.
#include "helpers.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

extern char **environ;

using namespace diplograph;
using Catch::Matchers::Contains;

namespace {

namespace fs = std::filesystem;

/// A diplograph process started with posix_spawn; stdout and stderr go to files, stdin is
/// /dev/null. The test waits for it or kills it.
class Child {
public:
    Child(const std::vector<std::string> &arguments, const std::string &out,
          const std::string &err) {
        std::vector<std::string> argv_text{DIPLOGRAPH_BINARY};
        argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
        std::vector<char *> argv;
        for (auto &argument : argv_text) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        const int failed = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        REQUIRE(failed == 0);
    }
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;
    ~Child() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            wait();
        }
    }

    /// The exit status, or -signal when a signal ended the process.
    int wait() {
        int raw = 0;
        ::waitpid(m_pid, &raw, 0);
        m_pid = 0;
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw);
    }

    /// Whether the process has ended; its status is then in `status`.
    bool finished(int &status) {
        int raw = 0;
        if (::waitpid(m_pid, &raw, WNOHANG) != m_pid) {
            return false;
        }
        m_pid = 0;
        status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw);
        return true;
    }

    void kill() const { ::kill(m_pid, SIGKILL); }

private:
    pid_t m_pid = 0;
};

std::string slurp(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string json_string(const std::string &text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out + '"';
}

/// `count` small articles as JSON Lines, all different: a few template sentences about known
/// leaders with varied unknown people, so that every article has mentions, a quote and relations.
std::string generated_articles(int count, int first = 0) {
    static const char *given[] = {"Anna",  "Boris", "Carla", "David",
                                  "Elena", "Farid", "Greta", "Hugo"};
    static const char *family[] = {"Novak", "Okafor",  "Petrov", "Quintero",
                                   "Rossi", "Schmidt", "Tanaka"};
    static const char *countries[] = {"Iran", "Syria", "Cuba", "Venezuela", "Libya"};
    std::string lines;
    for (int i = first; i < first + count; ++i) {
        const std::string person = fmt::format("{} {}", given[i % 8], family[(i / 8) % 7]);
        const std::string country = countries[i % 5];
        const std::string text = fmt::format(
            "French President Emmanuel Macron met US senator {0} in Paris on Monday.\n\n"
            "\xE2\x80\x9CWe discussed sanctions on {1},\xE2\x80\x9D Macron told reporters after "
            "round {2} of the talks.\n\n"
            "Russia accused Ukraine of violating the ceasefire, {0} said.\n\n"
            "Germany backed France over {1}.",
            person, country, i);
        lines +=
            fmt::format(
                R"({{"title": "Talks {}", "published": "2019-03-{:02}", "source": "Wire", "text": {}}})",
                i, 1 + i % 28, json_string(text)) +
            "\n";
    }
    return lines;
}

/// For each article (by content hash), how many rows of each kind of fact it has.
std::map<std::string, std::string> facts_by_article(const std::string &path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement st(db, R"sql(
        SELECT a.content_hash,
               (SELECT count(*) FROM sentences s WHERE s.article_id = a.article_id),
               (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id),
               (SELECT count(*) FROM statements s WHERE s.article_id = a.article_id),
               (SELECT count(*) FROM relations r WHERE r.article_id = a.article_id),
               (SELECT count(*) FROM meeting_sources m WHERE m.article_id = a.article_id)
        FROM articles a)sql");
    std::map<std::string, std::string> facts;
    while (st.executeStep()) {
        facts[st.getColumn(0).getString()] = fmt::format(
            "{} sentences, {} mentions, {} statements, {} relations, {} meeting sources",
            st.getColumn(1).getInt(), st.getColumn(2).getInt(), st.getColumn(3).getInt(),
            st.getColumn(4).getInt(), st.getColumn(5).getInt());
    }
    return facts;
}

std::int64_t scalar(const std::string &path, const std::string &sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

/// SQLite's own checks, and facts that point into their own article only. A read-write
/// connection, so that a hot journal left by a killed process is rolled back first. Returns
/// whether the schema is there.
bool check_consistent(const std::string &path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement foreign_keys(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(foreign_keys.executeStep());
    if (db.execAndGet("PRAGMA user_version").getInt() == 0) {
        // Killed before the schema was committed: an empty file, which the next ingest sets up.
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0);
        return false;
    }
    for (const char *table : {"mentions", "statements", "relations", "meeting_sources"}) {
        INFO(table << " rows whose sentence belongs to another article");
        CHECK(db.execAndGet(
                    fmt::format("SELECT count(*) FROM {} f JOIN sentences s USING (sentence_id) "
                                "WHERE f.article_id != s.article_id",
                                table))
                  .getInt() == 0);
    }
    CHECK(db.execAndGet("SELECT count(*) FROM articles").getInt() ==
          db.execAndGet("SELECT count(DISTINCT content_hash) FROM articles").getInt());
    return true;
}

std::string quoted(const std::string &text) {
    return "'" + text + "'";
}

} // namespace

TEST_CASE("an ingest killed at any moment leaves a consistent database that a rerun completes",
          "[reliability]") {
    const test::TempDir dir;
    constexpr int articles = 2000;
    dir.write("articles.jsonl", generated_articles(articles));
    const auto input = dir.file("articles.jsonl");

    // What each article holds when nothing interrupts the ingest.
    const auto reference_db = dir.file("reference.sqlite");
    const auto started = std::chrono::steady_clock::now();
    const auto reference =
        test::run_command("ingest --quiet --db " + quoted(reference_db) + " " + quoted(input));
    const auto full_run = std::chrono::steady_clock::now() - started;
    REQUIRE(reference.status == 0);
    REQUIRE(reference.err.empty());
    const auto expected = facts_by_article(reference_db);
    REQUIRE(expected.size() == articles);

    // The first kills land while the schema is created, later ones in batches and commits;
    // every run skips what an earlier run committed and goes further. A run that ends before
    // its kill leaves a complete database, which is set aside so that the next kill has work.
    const auto db = dir.file("kg.sqlite");
    const std::vector<double> delays{0, 0.002, 0.01, 0.03, 0.08, 0.15, 0.25, 0.4, 0.55, 0.7};
    int killed = 0;
    int partial = 0;
    double scale = 1.0;
    for (int attempt = 0; killed < 10 && attempt < 30; ++attempt) {
        const auto delay = std::chrono::duration_cast<std::chrono::microseconds>(
            full_run * delays[killed] * scale);
        const std::string jobs = attempt % 2 == 0 ? "1" : "2";
        Child ingest({"ingest", "--quiet", "--batch", "250", "--jobs", jobs, "--db", db, input},
                     dir.file("out"), dir.file("err"));
        std::this_thread::sleep_for(delay);
        ingest.kill();
        const int status = ingest.wait();
        INFO("kill after " << delay.count() << " µs with --jobs " << jobs << ", status " << status);
        REQUIRE((status == -SIGKILL || status == 0));
        killed += status == -SIGKILL ? 1 : 0;
        if (!fs::exists(db)) {
            continue;
        }
        // A report right after the kill reads only committed data (it has the hot journal rolled
        // back first: a read-only connection alone would fail with "attempt to write a readonly
        // database").
        const auto report = test::run_command("report overview --db " + quoted(db));
        INFO("report: " << report.err);
        CHECK((report.status == 0 || report.err.find("schema is older") != std::string::npos));
        if (!check_consistent(db)) {
            continue;
        }
        const auto facts = facts_by_article(db);
        const auto incomplete = std::count_if(facts.begin(), facts.end(), [&](const auto &article) {
            const auto it = expected.find(article.first);
            return it == expected.end() || it->second != article.second;
        });
        CHECK(incomplete == 0);
        partial += !facts.empty() && facts.size() < expected.size() ? 1 : 0;
        if (status == 0) {
            fs::rename(db, dir.file(fmt::format("complete-{}.sqlite", attempt)));
            scale *= 0.6; // the machine runs faster now than during the reference run
        }
    }
    CHECK(killed == 10);
    CHECK(partial >= 1);

    const auto rerun = test::run_command("ingest --db " + quoted(db) + " " + quoted(input));
    CHECK(rerun.status == 0);
    CHECK(rerun.err.empty());
    check_consistent(db);
    CHECK(scalar(db, "SELECT count(*) FROM articles") == articles);
    CHECK(facts_by_article(db) == expected);
}

TEST_CASE("two ingests racing to create one database both succeed", "[reliability]") {
    const test::TempDir dir;
    dir.write("a.jsonl", generated_articles(20));
    dir.write("b.jsonl", generated_articles(20, 10));
    for (int round = 0; round < 5; ++round) {
        const auto db = dir.file(fmt::format("race-{}.sqlite", round));
        Child a({"ingest", "--quiet", "--db", db, dir.file("a.jsonl")}, dir.file("a.out"),
                dir.file("a.err"));
        Child b({"ingest", "--quiet", "--db", db, dir.file("b.jsonl")}, dir.file("b.out"),
                dir.file("b.err"));
        CHECK(a.wait() == 0);
        CHECK(b.wait() == 0);
        CHECK(slurp(dir.file("a.err")).empty());
        CHECK(slurp(dir.file("b.err")).empty());
        CHECK(scalar(db, "SELECT count(*) FROM articles") == 30);
    }
}

TEST_CASE("two ingests and reports at once on one database all succeed and lose nothing",
          "[reliability]") {
    const test::TempDir dir;
    // 200 articles are in both inputs: whichever process stores one first, the other skips it.
    dir.write("a.jsonl", generated_articles(700));
    dir.write("b.jsonl", generated_articles(700, 500));
    const auto reference_db = dir.file("reference.sqlite");
    REQUIRE(test::run_command("ingest -q --db " + quoted(reference_db) + " " +
                              quoted(dir.file("a.jsonl")) + " " + quoted(dir.file("b.jsonl")))
                .status == 0);

    const auto db = dir.file("kg.sqlite");
    REQUIRE(test::run_command("ingest -q --db " + quoted(db) + " " +
                              quoted(test::sample_path("minsk-2015.json")))
                .status == 0);
    Child a({"ingest", "--quiet", "--db", db, dir.file("a.jsonl")}, dir.file("a.out"),
            dir.file("a.err"));
    Child b({"ingest", "--quiet", "--jobs", "2", "--db", db, dir.file("b.jsonl")},
            dir.file("b.out"), dir.file("b.err"));
    int a_status = -1;
    int b_status = -1;
    bool a_done = false;
    bool b_done = false;
    int reports = 0;
    while (!(a_done && b_done)) {
        const char *name = reports % 2 == 0 ? "overview" : "relations";
        const auto report =
            test::run_command(std::string("report ") + name + " --db " + quoted(db));
        INFO("report " << name << ": " << report.err);
        CHECK(report.status == 0);
        CHECK(report.err.empty());
        ++reports;
        a_done = a_done || a.finished(a_status);
        b_done = b_done || b.finished(b_status);
    }
    CHECK(reports > 0);
    CHECK(a_status == 0);
    CHECK(b_status == 0);
    CHECK(slurp(dir.file("a.err")).empty());
    CHECK(slurp(dir.file("b.err")).empty());
    check_consistent(db);
    CHECK(scalar(db, "SELECT count(*) FROM articles") == 1200 + 1);
    auto facts = facts_by_article(db);
    CHECK(facts.size() == 1201);
    const auto reference = facts_by_article(reference_db);
    for (const auto &[hash, expected] : reference) {
        INFO("article " << hash);
        CHECK(facts[hash] == expected);
    }
}

TEST_CASE("a hostile actor name is stored as a name and drops no table", "[reliability]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    REQUIRE(test::run_command("ingest -q --db " + quoted(db) + " " +
                              quoted(test::sample_path("minsk-2015.json")))
                .status == 0);
    const std::string hostile = "\"Robert'); DROP TABLE actors;--\"";
    const auto actors = scalar(db, "SELECT count(*) FROM actors");
    const auto added = test::run_command(
        "actor add " + hostile + " --alias \"x'; DELETE FROM aliases;--\" --db " + quoted(db));
    CHECK(added.status == 0);
    CHECK(added.err.empty());
    CHECK(scalar(db, "SELECT count(*) FROM actors") == actors + 1);
    CHECK(
        scalar(db, "SELECT count(*) FROM actors WHERE name = 'Robert''); DROP TABLE actors;--'") ==
        1);
    CHECK(scalar(db, "SELECT count(*) FROM user_aliases WHERE alias LIKE 'x''; DELETE%'") == 1);
    CHECK(scalar(db, "SELECT count(*) FROM aliases") > 0);

    // Now the name exists, so the report binds it and finds the new actor.
    const auto report =
        test::run_command("report relations --actor " + hostile + " --db " + quoted(db));
    CHECK(report.status == 0);
    CHECK(report.err.empty());
    CHECK(scalar(db, "SELECT count(*) FROM actors") == actors + 1);
}

TEST_CASE("a database from a newer diplograph is refused by every command and left unmodified",
          "[reliability]") {
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    REQUIRE(test::run_command("ingest -q --db " + quoted(db) + " " +
                              quoted(test::sample_path("minsk-2015.json")))
                .status == 0);
    int newer = 0;
    {
        SQLite::Database handle(db, SQLite::OPEN_READWRITE);
        newer = handle.execAndGet("PRAGMA user_version").getInt() + 1;
        handle.exec(fmt::format("PRAGMA user_version = {}", newer));
    }
    const auto before = slurp(db);
    const std::string message = fmt::format(
        "diplograph: cannot open {}: it was written by a newer diplograph (schema {}, this build "
        "knows up to {})\n",
        db, newer, newer - 1);
    for (const std::string &command :
         {"ingest --db " + quoted(db) + " " + quoted(test::sample_path("versailles-2017.json")),
          "report overview --db " + quoted(db), "actor add Somebody --db " + quoted(db)}) {
        INFO(command);
        const auto result = test::run_command(command);
        CHECK(result.status == 1);
        CHECK(result.err == message);
        CHECK(slurp(db) == before);
    }
}

TEST_CASE("a foreign SQLite file given to ingest is refused and not modified", "[reliability]") {
    const test::TempDir dir;
    const auto db = dir.file("notes.sqlite");
    {
        SQLite::Database foreign(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        foreign.exec("PRAGMA application_id = 1234");
        foreign.exec("CREATE TABLE notes (body TEXT)");
    }
    const auto before = slurp(db);
    const auto result = test::run_command("ingest --db " + quoted(db) + " " +
                                          quoted(test::sample_path("minsk-2015.json")));
    CHECK(result.status == 1);
    CHECK(result.err == "diplograph: cannot open " + db +
                            ": not a diplograph database (it is another SQLite file)\n");
    CHECK(slurp(db) == before);
}

TEST_CASE("reports run on a database the process cannot write", "[reliability]") {
    // Tests run as root here, and root writes through 0444, so the file mode alone proves
    // nothing. Two checks instead: reports open the database through SQLite's read-only flag
    // (any write would fail with "attempt to write a readonly database"), and they leave a
    // 0444 file and its directory byte-identical without a journal file appearing.
    const test::TempDir dir;
    const auto db = dir.file("kg.sqlite");
    REQUIRE(test::run_command("ingest -q --db " + quoted(db) + " " +
                              quoted(test::sample_path("minsk-2015.json")))
                .status == 0);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto before = slurp(db);
    for (const char *report : {"overview", "actors", "relations", "statements"}) {
        INFO(report);
        const auto result =
            test::run_command(std::string("report ") + report + " --db " + quoted(db));
        CHECK(result.status == 0);
        CHECK(result.err.empty());
    }
    CHECK(test::run_command("actor list --db " + quoted(db)).status == 0);
    CHECK(slurp(db) == before);
    CHECK_FALSE(fs::exists(db + "-journal"));
    CHECK_FALSE(fs::exists(db + "-wal"));

    SECTION("and through a URI with mode=ro") {
        const auto uri = "file:" + db + "?mode=ro";
        SQLite::Database handle(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        CHECK(handle.execAndGet("SELECT count(*) FROM articles").getInt() == 1);
        CHECK_THROWS_WITH(handle.exec("DELETE FROM articles"), Contains("readonly"));
    }
}

TEST_CASE("a user's lexicon with one bad line is refused with its file and line", "[reliability]") {
    const test::TempDir dir;
    const auto lexicon = dir.path / "lexicon";
    fs::copy(DIPLOGRAPH_LEXICON_DIR, lexicon, fs::copy_options::recursive);
    const auto people = lexicon / "people" / "world.txt";
    REQUIRE(fs::exists(people));
    const auto original = slurp(people.string());
    const auto lines = std::count(original.begin(), original.end(), '\n');
    std::ofstream(people, std::ios::app) << "Jane Doe | nationality: FRA\n";

    const auto db = dir.file("kg.sqlite");
    REQUIRE(test::run_command("ingest -q --db " + quoted(db) + " " +
                              quoted(test::sample_path("minsk-2015.json")))
                .status == 0);
    const auto before = slurp(db);
    const auto result =
        test::run_command("ingest --lexicon " + quoted(lexicon.string()) + " --db " + quoted(db) +
                          " " + quoted(test::sample_path("versailles-2017.json")));
    CHECK(result.status == 1);
    CHECK_THAT(result.err,
               Contains(fmt::format("world.txt:{}", lines + 1)) && Contains("nationality"));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    CHECK(result.out.empty());
    CHECK(slurp(db) == before);
}
