// Loading the actor graph from the store and writing it in the formats graph tools read.
#include "report/exporter.hpp"

#include "common/errors.hpp"
#include "report/report.hpp"
#include "store/embedded_sql.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace diplograph {

namespace {

SQLite::Statement prepare(SQLite::Database &db, std::string_view name) {
    return SQLite::Statement(db, std::string(named_statement(export_statements()[0].text, name)));
}

std::optional<std::string> optional_text(const SQLite::Column &column) {
    return column.isNull() ? std::nullopt : std::optional(column.getString());
}

std::vector<GraphNode> load_nodes(SQLite::Database &db, std::optional<std::int64_t> actor,
                                  int depth) {
    auto st = prepare(db, "graph_nodes");
    actor ? st.bind(":actor", *actor) : st.bind(":actor");
    st.bind(":depth", depth);
    std::vector<GraphNode> nodes;
    while (st.executeStep()) {
        nodes.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                         st.getColumn(2).getString(), optional_text(st.getColumn(3))});
    }
    return nodes;
}

using ActorPair = std::pair<std::int64_t, std::int64_t>;

std::map<ActorPair, std::vector<Spell>> load_spells(SQLite::Database &db) {
    auto st = prepare(db, "meeting_spells");
    std::map<ActorPair, std::vector<Spell>> spells;
    while (st.executeStep()) {
        spells[{st.getColumn(0).getInt64(), st.getColumn(1).getInt64()}].push_back(
            {st.getColumn(2).getString(), st.getColumn(3).getString()});
    }
    return spells;
}

/// The edges whose two ends are both among `nodes`.
std::vector<GraphEdge> load_edges(SQLite::Database &db, const std::vector<GraphNode> &nodes) {
    std::set<std::int64_t> members;
    for (const auto &node : nodes) {
        members.insert(node.id);
    }
    auto spells = load_spells(db);
    auto st = prepare(db, "graph_edges");
    std::vector<GraphEdge> edges;
    while (st.executeStep()) {
        GraphEdge edge{st.getColumn(0).getInt64(),
                       st.getColumn(1).getInt64(),
                       st.getColumn(2).getString(),
                       st.getColumn(3).getString(),
                       optional_text(st.getColumn(5)),
                       st.getColumn(4).getInt64(),
                       {}};
        if (!members.contains(edge.source) || !members.contains(edge.target)) {
            continue;
        }
        if (edge.type == "MEETING") {
            edge.spells = spells[{edge.source, edge.target}];
        }
        edges.push_back(std::move(edge));
    }
    return edges;
}

/// Escapes text for XML attributes and content, dropping control characters XML 1.0 forbids.
std::string xml(std::string_view text) {
    std::string escaped;
    for (const char c : text) {
        switch (c) {
        case '&':
            escaped += "&amp;";
            break;
        case '<':
            escaped += "&lt;";
            break;
        case '>':
            escaped += "&gt;";
            break;
        case '"':
            escaped += "&quot;";
            break;
        case '\'':
            escaped += "&apos;";
            break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                escaped += c;
            }
        }
    }
    return escaped;
}

/// A double-quoted DOT string.
std::string dot_string(std::string_view text) {
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
        }
        quoted += c == '\n' ? ' ' : c;
    }
    return quoted + "\"";
}

std::string_view polarity_colour(std::string_view polarity) {
    if (polarity == "cooperative") {
        return "forestgreen";
    }
    if (polarity == "conflictual") {
        return "firebrick";
    }
    return "gray50";
}

void graphml_data(std::ostringstream &out, std::string_view key,
                  const std::optional<std::string> &value) {
    if (value) {
        out << fmt::format("      <data key=\"{}\">{}</data>\n", key, xml(*value));
    }
}

void gexf_value(std::ostringstream &out, int attribute, const std::optional<std::string> &value) {
    if (value) {
        out << fmt::format("          <attvalue for=\"{}\" value=\"{}\"/>\n", attribute,
                           xml(*value));
    }
}

ResultTable table_of(std::vector<std::string> columns) {
    ResultTable table;
    table.columns = std::move(columns);
    return table;
}

/// The comment block right above each CREATE TABLE or VIEW in the schema, by object name.
std::map<std::string, std::string> schema_descriptions() {
    std::map<std::string, std::string> descriptions;
    for (const auto &script : schema_scripts()) {
        std::istringstream lines{std::string(script.text)};
        std::string line;
        std::string comment;
        while (std::getline(lines, line)) {
            if (line.starts_with("-- ")) {
                if (!comment.empty()) {
                    comment += ' ';
                }
                comment.append(line, 3);
                continue;
            }
            for (const std::string_view create :
                 {"CREATE TABLE ", "CREATE VIEW ", "CREATE VIRTUAL TABLE "}) {
                if (line.starts_with(create) && !comment.empty()) {
                    const auto name_start = create.size();
                    const auto name_end = line.find_first_of(" (", name_start);
                    descriptions[line.substr(name_start, name_end - name_start)] = comment;
                }
            }
            comment.clear();
        }
    }
    return descriptions;
}

/// The query with each named parameter wrapped in nullif(..., ''): Datasette binds an empty
/// form field as '', where the reports expect NULL for "not given".
std::string empty_parameters_as_null(std::string_view sql, const std::vector<std::string> &names) {
    const auto is_name_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    };
    std::string result;
    std::size_t i = 0;
    while (i < sql.size()) {
        const auto rest = sql.substr(i);
        const auto name = std::find_if(names.begin(), names.end(), [&](const std::string &n) {
            return rest.starts_with(n) &&
                   (rest.size() == n.size() || !is_name_char(rest[n.size()]));
        });
        if (rest.starts_with("--")) {
            const auto line = rest.substr(0, rest.find('\n'));
            result += line;
            i += line.size();
        } else if (name != names.end()) {
            result += fmt::format("nullif({}, '')", *name);
            i += name->size();
        } else {
            result += sql[i++];
        }
    }
    return result;
}

} // namespace

std::optional<ExportFormat> export_format_from(std::string_view name) {
    static const std::map<std::string_view, ExportFormat> formats{
        {"graphml", ExportFormat::graphml},
        {"gexf", ExportFormat::gexf},
        {"dot", ExportFormat::dot},
        {"json", ExportFormat::json},
        {"csv", ExportFormat::csv},
        {"svg", ExportFormat::svg},
        {"datasette", ExportFormat::datasette}};
    const auto it = formats.find(name);
    return it == formats.end() ? std::nullopt : std::optional(it->second);
}

Graph load_graph(SQLite::Database &db, std::optional<std::int64_t> actor, int depth) {
    try {
        Graph graph;
        graph.nodes = load_nodes(db, actor, depth);
        graph.edges = load_edges(db, graph.nodes);
        return graph;
    } catch (const SQLite::Exception &e) {
        throw InputError(fmt::format("cannot read the graph: {}", e.what()));
    }
}

std::string to_graphml(const Graph &graph) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const auto *key : {"label", "kind", "country"}) {
        out << fmt::format("  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" "
                           "attr.type=\"string\"/>\n",
                           key);
    }
    for (const auto *key : {"type", "polarity", "topics"}) {
        out << fmt::format("  <key id=\"{0}\" for=\"edge\" attr.name=\"{0}\" "
                           "attr.type=\"string\"/>\n",
                           key);
    }
    out << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
           "  <graph id=\"diplograph\" edgedefault=\"directed\">\n";
    for (const auto &node : graph.nodes) {
        out << fmt::format("    <node id=\"{}\">\n", node.id);
        graphml_data(out, "label", node.name);
        graphml_data(out, "kind", node.kind);
        graphml_data(out, "country", node.country);
        out << "    </node>\n";
    }
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const auto &edge = graph.edges[i];
        out << fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n", i, edge.source,
                           edge.target);
        graphml_data(out, "type", edge.type);
        graphml_data(out, "polarity", edge.polarity);
        graphml_data(out, "topics", edge.topics);
        graphml_data(out, "weight", std::to_string(edge.weight));
        out << "    </edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
    return out.str();
}

std::string to_gexf(const Graph &graph) {
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
           "  <meta><creator>diplograph</creator></meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
           "    <attributes class=\"node\" mode=\"static\">\n"
           "      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
           "      <attribute id=\"1\" title=\"country\" type=\"string\"/>\n"
           "    </attributes>\n"
           "    <attributes class=\"edge\" mode=\"static\">\n"
           "      <attribute id=\"0\" title=\"type\" type=\"string\"/>\n"
           "      <attribute id=\"1\" title=\"polarity\" type=\"string\"/>\n"
           "      <attribute id=\"2\" title=\"topics\" type=\"string\"/>\n"
           "    </attributes>\n"
           "    <nodes>\n";
    for (const auto &node : graph.nodes) {
        out << fmt::format("      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n", node.id,
                           xml(node.name));
        gexf_value(out, 0, node.kind);
        gexf_value(out, 1, node.country);
        out << "        </attvalues>\n      </node>\n";
    }
    out << "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const auto &edge = graph.edges[i];
        out << fmt::format("      <edge id=\"e{}\" source=\"{}\" target=\"{}\" weight=\"{}\">\n"
                           "        <attvalues>\n",
                           i, edge.source, edge.target, edge.weight);
        gexf_value(out, 0, edge.type);
        gexf_value(out, 1, edge.polarity);
        gexf_value(out, 2, edge.topics);
        out << "        </attvalues>\n";
        if (!edge.spells.empty()) {
            out << "        <spells>\n";
            for (const auto &spell : edge.spells) {
                out << fmt::format("          <spell start=\"{}\" end=\"{}\"/>\n", xml(spell.start),
                                   xml(spell.end));
            }
            out << "        </spells>\n";
        }
        out << "      </edge>\n";
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
    return out.str();
}

std::string to_dot(const Graph &graph) {
    std::ostringstream out;
    out << "digraph diplograph {\n"
           "  graph [overlap=false, splines=true];\n"
           "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (const auto &node : graph.nodes) {
        out << fmt::format("  {} [label={}, kind={}, country={}];\n", node.id,
                           dot_string(node.name), dot_string(node.kind),
                           dot_string(node.country.value_or("")));
    }
    for (const auto &edge : graph.edges) {
        const auto label =
            edge.weight > 1 ? fmt::format("{} x{}", edge.type, edge.weight) : edge.type;
        out << fmt::format("  {} -> {} [label={}, type={}, polarity={}, topics={}, weight={}, "
                           "color={}];\n",
                           edge.source, edge.target, dot_string(label), dot_string(edge.type),
                           dot_string(edge.polarity), dot_string(edge.topics.value_or("")),
                           edge.weight, polarity_colour(edge.polarity));
    }
    out << "}\n";
    return out.str();
}

std::string to_node_link_json(const Graph &graph) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    const auto text = [&](const char *key, const std::optional<std::string> &value) {
        if (value) {
            writer.Key(key);
            writer.String(value->c_str(), static_cast<rapidjson::SizeType>(value->size()));
        }
    };
    writer.StartObject();
    writer.Key("directed");
    writer.Bool(true);
    writer.Key("multigraph");
    writer.Bool(true);
    writer.Key("graph");
    writer.StartObject();
    writer.EndObject();
    writer.Key("nodes");
    writer.StartArray();
    for (const auto &node : graph.nodes) {
        writer.StartObject();
        writer.Key("id");
        writer.Int64(node.id);
        text("label", node.name);
        text("kind", node.kind);
        text("country", node.country);
        writer.EndObject();
    }
    writer.EndArray();
    writer.Key("links");
    writer.StartArray();
    for (const auto &edge : graph.edges) {
        writer.StartObject();
        writer.Key("source");
        writer.Int64(edge.source);
        writer.Key("target");
        writer.Int64(edge.target);
        text("key", edge.key());
        text("type", edge.type);
        text("polarity", edge.polarity);
        text("topics", edge.topics);
        writer.Key("weight");
        writer.Int64(edge.weight);
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

std::string nodes_csv(const Graph &graph) {
    auto table = table_of({"id", "label", "kind", "country"});
    for (const auto &node : graph.nodes) {
        table.rows.push_back({std::to_string(node.id), node.name, node.kind, node.country});
    }
    std::ostringstream out;
    print_table(out, table, OutputFormat::csv);
    return out.str();
}

std::string edges_csv(const Graph &graph) {
    auto table = table_of({"source", "target", "key", "type", "polarity", "topics", "weight"});
    for (const auto &edge : graph.edges) {
        table.rows.push_back({std::to_string(edge.source), std::to_string(edge.target), edge.key(),
                              edge.type, edge.polarity, edge.topics, std::to_string(edge.weight)});
    }
    std::ostringstream out;
    print_table(out, table, OutputFormat::csv);
    return out.str();
}

std::string datasette_metadata(std::string_view database_name) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    const auto text = [&](std::string_view value) {
        writer.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    writer.StartObject();
    writer.Key("title");
    text("diplograph");
    writer.Key("description");
    text("A knowledge graph of actors, meetings, statements and relations extracted from news "
         "articles about diplomacy. The canned queries are diplograph's reports: actor and "
         "other take actor ids (see the actors table), and an empty field means no filter.");
    writer.Key("databases");
    writer.StartObject();
    text(database_name);
    writer.StartObject();
    writer.Key("tables");
    writer.StartObject();
    for (const auto &[name, description] : schema_descriptions()) {
        text(name);
        writer.StartObject();
        writer.Key("description");
        text(description);
        writer.EndObject();
    }
    writer.EndObject();
    writer.Key("queries");
    writer.StartObject();
    const auto queries = report_queries();
    const auto reports = list_reports();
    for (std::size_t i = 0; i < reports.size(); ++i) {
        text(reports[i].name);
        writer.StartObject();
        writer.Key("title");
        text(reports[i].name);
        writer.Key("description");
        text(reports[i].summary);
        writer.Key("sql");
        text(empty_parameters_as_null(queries[i].text, reports[i].parameters));
        writer.EndObject();
    }
    writer.EndObject();
    writer.EndObject();
    writer.EndObject();
    writer.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

} // namespace diplograph
