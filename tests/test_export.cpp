// End-to-end tests of the reports (against reviewed golden files) and of `export`, whose files
// are read back by the real readers: NetworkX and Graphviz.
#include "helpers.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace diplograph::test;

namespace {

std::string read_text(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// The samples (not their .gold.json annotations) ingested once into a temporary database.
const std::string &samples_db() {
    static const TempDir dir;
    static const std::string db = [] {
        // In name order, as the shell's glob in tests/update_expected.sh: ids follow it.
        std::vector<std::string> samples;
        for (const auto &entry : std::filesystem::directory_iterator(DIPLOGRAPH_SAMPLES_DIR)) {
            const auto name = entry.path().filename().string();
            if (name.ends_with(".json") && !name.ends_with(".gold.json")) {
                samples.push_back(entry.path().string());
            }
        }
        std::sort(samples.begin(), samples.end());
        std::string arguments = "ingest --db " + dir.file("samples.db");
        for (const auto &sample : samples) {
            arguments += " " + sample;
        }
        const auto result = run_command(arguments);
        REQUIRE(result.status == 0);
        return dir.file("samples.db");
    }();
    return db;
}

/// Report names as `report --list` prints them.
std::vector<std::string> report_names() {
    const auto result = run_command("report --list");
    REQUIRE(result.status == 0);
    std::vector<std::string> names;
    std::istringstream lines(result.out);
    std::string line;
    while (std::getline(lines, line)) {
        names.push_back(line.substr(0, line.find(' ')));
    }
    return names;
}

/// tests/report_arguments.txt: the arguments of each report's golden run.
std::map<std::string, std::string> golden_arguments() {
    std::map<std::string, std::string> arguments;
    std::istringstream lines(
        read_text(std::string(DIPLOGRAPH_TESTS_DIR) + "/report_arguments.txt"));
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && !line.starts_with("#")) {
            const auto space = line.find(' ');
            arguments[line.substr(0, space)] =
                space == std::string::npos ? "" : line.substr(space + 1);
        }
    }
    return arguments;
}

/// Standard output of a shell command, and whether it exited with status 0.
std::pair<bool, std::string> shell(const std::string &command) {
    FILE *pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) {
        out.append(buffer, n);
    }
    return {pclose(pipe) == 0, out};
}

/// "nodes edges" as NetworkX counts them after reading an exported file.
std::string networkx_counts(const std::string &format, const std::string &path) {
    const std::string script = "import json, sys, networkx as nx\n"
                               "kind, path = sys.argv[1], sys.argv[2]\n"
                               "if kind == 'graphml': g = nx.read_graphml(path)\n"
                               "elif kind == 'gexf': g = nx.read_gexf(path)\n"
                               "else: g = nx.node_link_graph(json.load(open(path)), link='links')\n"
                               "print(g.number_of_nodes(), g.number_of_edges())\n";
    TempDir dir;
    dir.write("read.py", script);
    const auto [ok, out] = shell("/usr/bin/python3 " + dir.file("read.py") + " " + format + " " +
                                 path + " 2>/dev/null");
    REQUIRE(ok);
    return out.substr(0, out.find('\n'));
}

/// "nodes edges" as the database says: actors with an edge and distinct (source, target, type,
/// polarity); or, given an actor, the same within one hop of it.
std::string database_counts(std::optional<std::string> actor_name = std::nullopt) {
    SQLite::Database db(samples_db(), SQLite::OPEN_READONLY);
    SQLite::Statement st(db, R"sql(
        WITH actor AS (SELECT actor_id FROM actors WHERE name = :name),
        members (id) AS (
            SELECT source FROM v_edges WHERE :name IS NULL
            UNION SELECT target FROM v_edges WHERE :name IS NULL
            UNION SELECT actor_id FROM actor
            UNION SELECT target FROM v_edges WHERE source IN actor
            UNION SELECT source FROM v_edges WHERE target IN actor)
        SELECT (SELECT count(*) FROM members),
               (SELECT count(*) FROM (SELECT DISTINCT source, target, type, polarity FROM v_edges
                                      WHERE source IN members AND target IN members)))sql");
    actor_name ? st.bind(":name", *actor_name) : st.bind(":name");
    REQUIRE(st.executeStep());
    return std::to_string(st.getColumn(0).getInt64()) + " " +
           std::to_string(st.getColumn(1).getInt64());
}

} // namespace

TEST_CASE("every report matches its reviewed golden file", "[report]") {
    const auto arguments = golden_arguments();
    for (const auto &name : report_names()) {
        INFO("report " << name << " (regenerate with tests/update_expected.sh BUILD_DIR)");
        const auto it = arguments.find(name);
        const auto result = run_command("report " + name + " --db " + samples_db() + " " +
                                        (it == arguments.end() ? "" : it->second));
        CHECK(result.status == 0);
        CHECK(result.err.empty());
        CHECK(result.out ==
              read_text(std::string(DIPLOGRAPH_TESTS_DIR) + "/expected/" + name + ".txt"));
    }
}

TEST_CASE("every report runs in every format with and without actors", "[report]") {
    const std::vector<std::string> variants{
        "",
        "--actor Ukraine",
        "--actor Ukraine --other Russia",
        "--actor 'Donald Trump' --other 'Kim Jong-un' --depth 6",
        "--since 2018 --until 2019-06",
        "--topic 'nuclear weapons'"};
    for (const auto &name : report_names()) {
        for (const auto &variant : variants) {
            for (const auto *format : {"table", "csv", "json", "markdown"}) {
                INFO("report " << name << " " << variant << " --format " << format);
                const auto result = run_command("report " + name + " --db " + samples_db() + " " +
                                                variant + " --format " + format);
                CHECK(result.status == 0);
                CHECK(result.err.empty());
            }
        }
    }
}

TEST_CASE("the statements report searches quotes with full-text queries", "[report]") {
    const auto result =
        run_command("report statements --db " + samples_db() + " --query nuclear --format csv");
    REQUIRE(result.status == 0);
    CHECK(result.out.find("nuclear") != std::string::npos);
    CHECK(result.out.find("stab in the back") == std::string::npos);
}

TEST_CASE("NetworkX reads the exported graph with the database's node and edge counts",
          "[export]") {
    const TempDir dir;
    for (const auto *format : {"graphml", "gexf", "json"}) {
        INFO("format " << format);
        SECTION(std::string("whole graph as ") + format) {
            const auto path = dir.file(std::string("graph.") + format);
            const auto result = run_command("export --db " + samples_db() + " --format " + format +
                                            " --out " + path);
            REQUIRE(result.status == 0);
            CHECK(result.err.empty());
            CHECK(networkx_counts(format, path) == database_counts());
        }
        SECTION(std::string("ego network as ") + format) {
            const auto path = dir.file(std::string("ego.") + format);
            const auto result = run_command("export --db " + samples_db() + " --format " + format +
                                            " --actor 'Vladimir Putin' --depth 1 --out " + path);
            REQUIRE(result.status == 0);
            CHECK(networkx_counts(format, path) == database_counts("Vladimir Putin"));
        }
    }
}

TEST_CASE("GEXF export carries meeting dates as spells", "[export]") {
    const auto result = run_command("export --db " + samples_db() + " --format gexf");
    REQUIRE(result.status == 0);
    CHECK(result.out.find("<spell start=\"2018-06-12\" end=\"2018-06-12\"/>") != std::string::npos);
}

TEST_CASE("Graphviz accepts the DOT export and svg renders it", "[export]") {
    const TempDir dir;
    const auto dot =
        run_command("export --db " + samples_db() + " --format dot --out " + dir.file("graph.dot"));
    REQUIRE(dot.status == 0);
    CHECK(shell("/usr/bin/dot -Tsvg -o /dev/null " + dir.file("graph.dot")).first);
    const auto svg =
        run_command("export --db " + samples_db() + " --format svg --actor 'Kim Jong-un'");
    REQUIRE(svg.status == 0);
    CHECK(svg.out.find("<svg") != std::string::npos);
    CHECK(svg.out.find("Donald Trump") != std::string::npos);
}

TEST_CASE("CSV export writes nodes.csv and edges.csv into a directory, and nothing else",
          "[export]") {
    const TempDir dir;
    const auto result =
        run_command("export --db " + samples_db() + " --format csv --out " + dir.path.string());
    REQUIRE(result.status == 0);
    std::vector<std::string> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir.path)) {
        files.push_back(entry.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    CHECK(files == std::vector<std::string>{"edges.csv", "nodes.csv"});
    const auto lines = [](const std::string &text) {
        return std::to_string(std::count(text.begin(), text.end(), '\n') - 1);
    };
    CHECK(lines(read_text(dir.path / "nodes.csv")) + " " +
              lines(read_text(dir.path / "edges.csv")) ==
          database_counts());

    const auto stdout_csv = run_command("export --db " + samples_db() + " --format csv");
    REQUIRE(stdout_csv.status == 0);
    CHECK(stdout_csv.out.starts_with("# nodes.csv\nid,label,kind,country\r\n"));
    CHECK(stdout_csv.out.find("\n# edges.csv\nsource,target,key,type,polarity,topics,weight\r\n") !=
          std::string::npos);
}

TEST_CASE("Datasette metadata describes the tables and offers every report", "[export]") {
    const auto result = run_command("export --db " + samples_db() + " --format datasette");
    REQUIRE(result.status == 0);
    rapidjson::Document json;
    json.Parse(result.out.c_str());
    REQUIRE(!json.HasParseError());
    const auto &database = json["databases"]["samples"];
    CHECK(database["tables"].HasMember("relations"));
    for (const auto &name : report_names()) {
        INFO("report " << name);
        REQUIRE(database["queries"].HasMember(name.c_str()));
        CHECK(database["queries"][name.c_str()]["sql"].GetString() != std::string());
    }
}

TEST_CASE("export refuses a bad command line before touching the database", "[export]") {
    CHECK(run_command("export --db /nonexistent/x.db --format pdf").status == 2);
    CHECK(run_command("export --db /nonexistent/x.db --depth 9").status == 2);
    const auto missing = run_command("export --db /nonexistent/x.db");
    CHECK(missing.status == 1);
    CHECK(missing.err.find("/nonexistent/x.db") != std::string::npos);
}
