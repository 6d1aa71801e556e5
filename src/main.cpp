// diplograph: parse the command line, run the chosen command, turn errors into exit codes
// (0 success, 1 processing failed, 2 bad command line).
#include "cli/commands.hpp"
#include "common/errors.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdio>
#include <iostream>

int main(int argc, char **argv) {
    using namespace diplograph;
    // SQLite counts every allocation it makes under a global mutex unless told not to; nothing
    // here reads those counts, and the writer allocates for every row (a tenth of its CPU under
    // --jobs, where the lock is taken and released on a core the other threads share).
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    CLI::App app{"diplograph: news articles about diplomacy -> a knowledge graph in SQLite",
                 "diplograph"};
    app.set_version_flag("--version", DIPLOGRAPH_VERSION);
    app.require_subcommand(1);
    std::vector<std::pair<CLI::App *, CommandRunner>> commands;
    const auto add = [&](auto adder) {
        auto runner = adder(app);
        commands.emplace_back(app.get_subcommands({}).back(), std::move(runner));
    };
    add(add_ingest_command);
    add(add_report_command);
    add(add_actor_command);
    add(add_export_command);
    add(add_extract_command);
    add(add_load_command);
    add(add_merge_command);
    add(add_eval_command);
    try {
        app.parse(argc, argv);
        for (auto &[command, run] : commands) {
            if (command->parsed()) {
                return run();
            }
        }
        return 2;
    } catch (const CLI::ParseError &e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const UsageError &e) {
        std::fprintf(stderr, "diplograph: %s\n", e.what());
        return 2;
    } catch (const SQLite::Exception &e) {
        if (e.getErrorCode() == SQLITE_BUSY) {
            std::fprintf(stderr, "diplograph: another process kept the database locked for 30 "
                                 "minutes; run the command again (stored articles are skipped)\n");
        } else {
            std::fprintf(stderr, "diplograph: %s\n", e.what());
        }
        return 1;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "diplograph: %s\n", e.what());
        return 1;
    }
}
