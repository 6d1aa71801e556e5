// Running canned reports with bound parameters, and resolving actor names for them.
#include "report/report.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "store/embedded_sql.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace diplograph {

namespace {

/// Named parameters (":actor") used by a query, skipping string literals and comments.
std::vector<std::string> parameters_of(std::string_view sql) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] == '\'') {
            i = sql.find('\'', i + 1);
            if (i == std::string_view::npos) {
                break;
            }
        } else if (sql.compare(i, 2, "--") == 0) {
            i = sql.find('\n', i);
            if (i == std::string_view::npos) {
                break;
            }
        } else if (sql[i] == ':' && i + 1 < sql.size() &&
                   std::isalpha(static_cast<unsigned char>(sql[i + 1]))) {
            std::size_t end = i + 1;
            while (end < sql.size() &&
                   (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_')) {
                ++end;
            }
            std::string name(sql.substr(i, end - i));
            if (std::find(names.begin(), names.end(), name) == names.end()) {
                names.push_back(name);
            }
            i = end - 1;
        }
    }
    return names;
}

const NamedSql *find_report(const std::string &name) {
    for (const auto &report : report_queries()) {
        if (report.name == name) {
            return &report;
        }
    }
    return nullptr;
}

std::string_view store_sql() {
    return store_statements()[0].text;
}

} // namespace

std::optional<OutputFormat> output_format_from(std::string_view name) {
    if (name == "table") {
        return OutputFormat::table;
    }
    if (name == "csv") {
        return OutputFormat::csv;
    }
    if (name == "json") {
        return OutputFormat::json;
    }
    if (name == "markdown" || name == "md") {
        return OutputFormat::markdown;
    }
    return std::nullopt;
}

std::vector<ReportInfo> list_reports() {
    std::vector<ReportInfo> reports;
    for (const auto &report : report_queries()) {
        ReportInfo info;
        info.name = std::string(report.name);
        const auto line_end = report.text.find('\n');
        auto first = trim(report.text.substr(0, line_end));
        if (first.starts_with("--")) {
            first.remove_prefix(2);
        }
        info.summary = std::string(trim(first));
        info.parameters = parameters_of(report.text);
        reports.push_back(std::move(info));
    }
    return reports;
}

ResultTable run_report(SQLite::Database &db, const std::string &name,
                       const std::map<std::string, std::string> &parameters) {
    const auto *report = find_report(name);
    if (report == nullptr) {
        std::vector<std::string> names;
        for (const auto &r : report_queries()) {
            names.emplace_back(r.name);
        }
        throw UsageError(
            fmt::format("unknown report \"{}\"; reports: {}", name, fmt::join(names, ", ")));
    }
    try {
        SQLite::Statement st(db, std::string(report->text));
        for (const auto &parameter : parameters_of(report->text)) {
            const auto it = parameters.find(parameter);
            if (it == parameters.end() || it->second.empty()) {
                st.bind(parameter);
            } else {
                st.bind(parameter, it->second);
            }
        }
        ResultTable table;
        for (int c = 0; c < st.getColumnCount(); ++c) {
            table.columns.emplace_back(st.getColumnName(c));
        }
        while (st.executeStep()) {
            std::vector<std::optional<std::string>> row;
            for (int c = 0; c < st.getColumnCount(); ++c) {
                const auto column = st.getColumn(c);
                row.push_back(column.isNull() ? std::nullopt : std::optional(column.getString()));
            }
            table.rows.push_back(std::move(row));
        }
        return table;
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("report {} failed: {}", name, e.what()));
    }
}

std::int64_t resolve_actor(SQLite::Database &db, const std::string &name) {
    std::string wanted(trim(name));
    if (wanted.starts_with("the ") || wanted.starts_with("The ")) {
        wanted = wanted.substr(4);
    }
    SQLite::Statement st(db, std::string(named_statement(store_sql(), "resolve_actor")));
    st.bind(":name", wanted);
    std::vector<std::tuple<std::int64_t, std::string, std::string>> found;
    while (st.executeStep()) {
        found.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                           st.getColumn(2).getString());
    }
    // "Moscow" names both the capital and, as a metonym, the country: the acting actor wins.
    if (found.size() > 1) {
        std::erase_if(found, [](const auto &f) { return std::get<2>(f) == "place"; });
    }
    if (found.size() == 1) {
        return std::get<0>(found.front());
    }
    if (found.size() > 1) {
        std::vector<std::string> names;
        for (const auto &f : found) {
            names.push_back(fmt::format("{} ({})", std::get<1>(f), std::get<2>(f)));
        }
        throw InputError(
            fmt::format("actor \"{}\" is ambiguous: {}", name, fmt::join(names, ", ")));
    }
    SQLite::Statement close(db, std::string(named_statement(store_sql(), "close_actors")));
    close.bind(":name", wanted);
    std::vector<std::string> names;
    while (close.executeStep()) {
        names.push_back(close.getColumn(0).getString());
    }
    throw InputError(names.empty() ? fmt::format("no actor called \"{}\" in the database", name)
                                   : fmt::format("no actor called \"{}\"; close matches: {}", name,
                                                 fmt::join(names, ", ")));
}

} // namespace diplograph
