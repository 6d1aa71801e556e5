// Exporting the actor graph (or an actor's ego network) for graph tools: GraphML, GEXF, DOT,
// node-link JSON and CSV, plus Datasette metadata for the database and its reports.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

enum class ExportFormat { graphml, gexf, dot, json, csv, svg, datasette };

std::optional<ExportFormat> export_format_from(std::string_view name);

struct GraphNode {
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::optional<std::string> country;
};

/// The days a meeting covered (YYYY-MM-DD, both inclusive).
struct Spell {
    std::string start;
    std::string end;
};

/// All evidence for one source, target, type and polarity, aggregated.
struct GraphEdge {
    std::int64_t source = 0;
    std::int64_t target = 0;
    std::string type;
    std::string polarity;
    std::optional<std::string> topics; ///< "a; b", or nullopt when none
    std::int64_t weight = 0;           ///< the number of evidence rows (relations or meetings)
    std::vector<Spell> spells;         ///< meeting dates, for MEETING edges

    /// Tells apart parallel edges between the same two actors: "CONSULT/cooperative".
    std::string key() const { return type + "/" + polarity; }
};

struct Graph {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
};

/// Loads the actors with at least one edge and all edges, or, given an actor, the actors
/// within `depth` hops of it (either direction) and the edges among them.
Graph load_graph(SQLite::Database &db, std::optional<std::int64_t> actor, int depth);

std::string to_graphml(const Graph &graph);
/// GEXF 1.2draft; meetings' dates become spells on MEETING edges.
std::string to_gexf(const Graph &graph);
std::string to_dot(const Graph &graph);
/// NetworkX's node-link format (directed multigraph).
std::string to_node_link_json(const Graph &graph);
std::string nodes_csv(const Graph &graph);
std::string edges_csv(const Graph &graph);

/// Datasette's metadata.json for the database called `database_name` (its file stem): table
/// and view descriptions taken from the schema's comments, and every report as a canned query.
std::string datasette_metadata(std::string_view database_name);

} // namespace diplograph
