// `diplograph export`: write the graph (or an actor's ego network) for graph tools, render it
// as SVG with Graphviz, or write Datasette metadata for the database.
#include "cli/commands.hpp"
#include "common/errors.hpp"
#include "report/exporter.hpp"
#include "report/report.hpp"
#include "store/database.hpp"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

extern char **environ;

namespace diplograph {

namespace {

namespace fs = std::filesystem;

/// Graphviz's renderer, used for --format svg.
constexpr const char *dot_program = "/usr/bin/dot";

struct ExportOptions {
    std::string db;
    std::string format = "graphml";
    std::string actor;
    int depth = 2;
    std::string out;
};

/// A file name in the temporary directory, removed at destruction.
struct TempFile {
    fs::path path;
    TempFile() {
        std::string name = (fs::temp_directory_path() / "diplograph-XXXXXX").string();
        const int fd = mkstemp(name.data());
        if (fd < 0) {
            throw InputError(fmt::format("cannot create a temporary file in {}",
                                         fs::temp_directory_path().string()));
        }
        close(fd);
        path = name;
    }
    ~TempFile() {
        std::error_code ignored;
        fs::remove(path, ignored);
    }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
};

/// Writes the whole file; false when that fails, with errno telling why.
bool try_write_file(const fs::path &path, std::string_view content) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    return static_cast<bool>(out);
}

std::string read_file(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        throw InputError(fmt::format("cannot read {}", path.string()));
    }
    return content;
}

/// Writes to a temporary name next to `path` and renames it, so readers never see half a file.
void write_atomically(const fs::path &path, std::string_view content) {
    fs::path temporary = path;
    temporary += fmt::format(".tmp{}", getpid());
    std::error_code error;
    if (!try_write_file(temporary, content)) {
        error = std::error_code(errno, std::generic_category());
    } else {
        fs::rename(temporary, path, error);
    }
    if (error) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw InputError(fmt::format("cannot write {}: {}", path.string(), error.message()));
    }
}

/// Runs Graphviz's dot on the DOT text and returns the SVG it draws.
std::string render_svg(const std::string &dot_text) {
    const TempFile input;
    const TempFile output;
    if (!try_write_file(input.path, dot_text)) {
        throw InputError(
            fmt::format("cannot write {}: {}", input.path.string(), std::strerror(errno)));
    }
    std::string in = input.path.string();
    std::string out = output.path.string();
    std::string program = dot_program;
    std::string format = "-Tsvg";
    std::string output_flag = "-o";
    char *argv[] = {program.data(), format.data(), output_flag.data(),
                    out.data(),     in.data(),     nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, dot_program, nullptr, nullptr, argv, environ) != 0) {
        throw InputError(fmt::format("cannot run {}", dot_program));
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw InputError(fmt::format("{} could not draw the graph (exit status {})", dot_program,
                                     WIFEXITED(status) ? WEXITSTATUS(status) : -1));
    }
    return read_file(output.path);
}

/// Writes one text to --out, or to stdout without it.
void emit(const ExportOptions &options, std::string_view content) {
    if (options.out.empty()) {
        std::cout << content;
    } else {
        write_atomically(options.out, content);
    }
}

/// CSV: nodes.csv and edges.csv inside an --out directory, else both sections in one text.
void emit_csv(const ExportOptions &options, const Graph &graph) {
    if (!options.out.empty() && fs::is_directory(options.out)) {
        write_atomically(fs::path(options.out) / "nodes.csv", nodes_csv(graph));
        write_atomically(fs::path(options.out) / "edges.csv", edges_csv(graph));
        return;
    }
    emit(options,
         fmt::format("# nodes.csv\n{}\n# edges.csv\n{}", nodes_csv(graph), edges_csv(graph)));
}

void check_options(const ExportOptions &options, ExportFormat format) {
    if (options.depth < 1 || options.depth > 6) {
        throw UsageError("--depth must be between 1 and 6");
    }
    if (format == ExportFormat::svg && !fs::exists(dot_program)) {
        throw InputError(fmt::format("--format svg needs Graphviz ({} not found): install "
                                     "graphviz, or export --format dot and render it elsewhere",
                                     dot_program));
    }
    if (format == ExportFormat::datasette && !options.actor.empty()) {
        throw UsageError("--actor does not apply to --format datasette");
    }
}

int run_export(const ExportOptions &options) {
    const auto format = export_format_from(options.format);
    if (!format) {
        throw UsageError(fmt::format("--format must be graphml, gexf, dot, json, csv, svg or "
                                     "datasette, not \"{}\"",
                                     options.format));
    }
    check_options(options, *format);
    const std::string path = database_path(options.db);
    SQLite::Database db = open_database(path, OpenMode::read_only);
    if (*format == ExportFormat::datasette) {
        emit(options, datasette_metadata(fs::path(path).stem().string()));
        return 0;
    }
    const auto actor =
        options.actor.empty() ? std::nullopt : std::optional(resolve_actor(db, options.actor));
    const Graph graph = load_graph(db, actor, options.depth);
    switch (*format) {
    case ExportFormat::graphml:
        emit(options, to_graphml(graph));
        break;
    case ExportFormat::gexf:
        emit(options, to_gexf(graph));
        break;
    case ExportFormat::dot:
        emit(options, to_dot(graph));
        break;
    case ExportFormat::json:
        emit(options, to_node_link_json(graph));
        break;
    case ExportFormat::csv:
        emit_csv(options, graph);
        break;
    case ExportFormat::svg:
        emit(options, render_svg(to_dot(graph)));
        break;
    case ExportFormat::datasette:
        break;
    }
    return 0;
}

} // namespace

CommandRunner add_export_command(CLI::App &app) {
    auto options = std::make_shared<ExportOptions>();
    auto *cmd = app.add_subcommand(
        "export", "Export the graph (actors with an edge; or an actor's ego network) for graph "
                  "tools, or Datasette metadata");
    cmd->add_option("--db", options->db,
                    "Database file (default: $DIPLOGRAPH_DB or ./diplograph.db)")
        ->type_name("PATH");
    cmd->add_option("--format", options->format,
                    "graphml (default), gexf, dot, json (NetworkX node-link), csv, svg (needs "
                    "Graphviz) or datasette (metadata.json)")
        ->type_name("FORMAT");
    cmd->add_option("--actor", options->actor, "Export only this actor's ego network, by any alias")
        ->type_name("NAME");
    cmd->add_option("--depth", options->depth, "Hops from --actor (1-6, default 2)")
        ->type_name("N");
    cmd->add_option(
           "--out", options->out,
           "Output file (default: stdout); for csv, a directory gets nodes.csv and edges.csv")
        ->type_name("PATH");
    return [options] { return run_export(*options); };
}

} // namespace diplograph
