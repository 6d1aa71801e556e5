// Printing result tables: aligned text, CSV, JSON (RapidJSON) and Markdown.
#include "common/text.hpp"
#include "report/report.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace diplograph {

namespace {

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return width;
}

std::string cell(const std::optional<std::string> &value) {
    return value ? *value : "";
}

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

void print_aligned(std::ostream &out, const ResultTable &table) {
    std::vector<std::size_t> widths;
    for (const auto &column : table.columns) {
        widths.push_back(display_width(column));
    }
    for (const auto &row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(one_line(cell(row[c]))));
        }
    }
    const auto line = [&](const std::vector<std::string> &cells) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            text += cells[c];
            if (c + 1 < cells.size()) {
                text.append(widths[c] - display_width(cells[c]) + 2, ' ');
            }
        }
        out << text << '\n';
    };
    line(table.columns);
    std::vector<std::string> rule;
    for (const auto width : widths) {
        rule.emplace_back(width, '-');
    }
    line(rule);
    for (const auto &row : table.rows) {
        std::vector<std::string> cells;
        for (const auto &value : row) {
            cells.push_back(one_line(cell(value)));
        }
        line(cells);
    }
}

std::string csv_field(const std::string &text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

void print_csv(std::ostream &out, const ResultTable &table) {
    const auto line = [&](const auto &cells, auto get) {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            out << (c > 0 ? "," : "") << csv_field(get(cells[c]));
        }
        out << "\r\n";
    };
    line(table.columns, [](const std::string &s) { return s; });
    for (const auto &row : table.rows) {
        line(row, [](const std::optional<std::string> &v) { return cell(v); });
    }
}

void print_json(std::ostream &out, const ResultTable &table) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartArray();
    for (const auto &row : table.rows) {
        writer.StartObject();
        for (std::size_t c = 0; c < row.size(); ++c) {
            writer.Key(table.columns[c].c_str());
            if (row[c]) {
                writer.String(row[c]->c_str(), static_cast<rapidjson::SizeType>(row[c]->size()));
            } else {
                writer.Null();
            }
        }
        writer.EndObject();
    }
    writer.EndArray();
    out << buffer.GetString() << '\n';
}

std::string markdown_cell(std::string text) {
    std::string escaped;
    for (const char c : one_line(std::move(text))) {
        if (c == '|') {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

void print_markdown(std::ostream &out, const ResultTable &table) {
    out << '|';
    for (const auto &column : table.columns) {
        out << ' ' << markdown_cell(column) << " |";
    }
    out << "\n|";
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out << " --- |";
    }
    out << '\n';
    for (const auto &row : table.rows) {
        out << '|';
        for (const auto &value : row) {
            out << ' ' << markdown_cell(cell(value)) << " |";
        }
        out << '\n';
    }
}

} // namespace

void print_table(std::ostream &out, const ResultTable &table, OutputFormat format) {
    switch (format) {
    case OutputFormat::table:
        print_aligned(out, table);
        break;
    case OutputFormat::csv:
        print_csv(out, table);
        break;
    case OutputFormat::json:
        print_json(out, table);
        break;
    case OutputFormat::markdown:
        print_markdown(out, table);
        break;
    }
}

} // namespace diplograph
