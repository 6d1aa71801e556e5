// SQL files embedded at build time (see cmake/embed_sql.cmake).
#pragma once

#include <span>
#include <string_view>

namespace diplograph {

struct NamedSql {
    std::string_view name; ///< the file stem: "001_core", "overview"
    std::string_view text;
};

/// schema/*.sql in order.
std::span<const NamedSql> schema_scripts();
/// queries/*.sql: the canned reports.
std::span<const NamedSql> report_queries();
/// src/store/statements.sql: the statements the writer prepares, one file.
std::span<const NamedSql> store_statements();
/// src/report/export.sql: the statements the graph exporter runs, one file.
std::span<const NamedSql> export_statements();
/// src/report/eval.sql: the statements `diplograph eval` reads the public views with, one file.
std::span<const NamedSql> eval_statements();

/// src/store/merge.sql: the steps of `diplograph merge`, one file.
std::span<const NamedSql> merge_statements();

/// The statement after the "-- name: NAME" line of a multi-statement file, up to the next
/// marker. Throws std::logic_error when the name is missing (a build mistake).
std::string_view named_statement(std::string_view file, std::string_view name);

} // namespace diplograph
