// Canned reports: named SQL files from queries/, run with bound parameters and printed.
#pragma once

#include <SQLiteCpp/Database.h>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace diplograph {

enum class OutputFormat { table, csv, json, markdown };

std::optional<OutputFormat> output_format_from(std::string_view name);

/// A query's result: column names and rows of text (NULL as nullopt).
struct ResultTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
};

struct ReportInfo {
    std::string name;
    std::string summary;                 ///< the first comment line of the file
    std::vector<std::string> parameters; ///< ":actor", ":since", ...
};

/// Every report with its description and parameters.
std::vector<ReportInfo> list_reports();

/// Runs the report `name` with named parameters (":actor" -> value). Parameters the query
/// uses but the caller leaves out are bound to NULL. Throws UsageError for an unknown report.
ResultTable run_report(SQLite::Database &db, const std::string &name,
                       const std::map<std::string, std::string> &parameters);

/// Resolves any alias of an actor ("Putin", "the Kremlin") to its actor id. Throws
/// InputError listing close matches when the name is unknown or ambiguous.
std::int64_t resolve_actor(SQLite::Database &db, const std::string &name);

/// Prints a result in the chosen format.
void print_table(std::ostream &out, const ResultTable &table, OutputFormat format);

} // namespace diplograph
