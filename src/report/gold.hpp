// Gold annotations (NAME.gold.json, see shared/eval/GOLD.md): what a careful analyst wants in
// the graph of one article, as plain structs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

struct GoldActor {
    std::string name;
    std::string kind;    ///< person, country, organization, group, place; or empty
    std::string country; ///< ISO 3166-1 alpha-3, or empty
    std::vector<std::string> also;
    bool optional = false; ///< finding it is right, missing it is no error
    bool ignore = false;   ///< neither right nor wrong
};

struct GoldStatement {
    std::string speaker;
    std::string quote;
    bool optional = false;
    bool ignore = false;
};

struct GoldMeeting {
    std::vector<std::string> participants;
    std::string place; ///< empty when the gold leaves it out
    std::string date;  ///< a prefix of the expected date ("2017-03"), or empty
    bool optional = false;
    bool ignore = false;
};

struct GoldRelation {
    std::vector<std::string> source; ///< `source`, or the alternatives of `source_any`
    std::vector<std::string> target;
    std::string type;
    std::string polarity;
    std::vector<std::string> topics;
    bool directed = true; ///< false: matches either way round
    bool optional = false;
    bool ignore = false;
};

struct Gold {
    std::vector<GoldActor> actors;
    std::vector<GoldStatement> statements;
    std::vector<GoldMeeting> meetings;
    std::vector<GoldRelation> relations;
};

/// Parses a gold file's JSON. Throws InputError "cannot read ORIGIN: reason" for malformed
/// JSON, invalid UTF-8 or a field of the wrong type.
Gold parse_gold(std::string_view json, std::string_view origin);

} // namespace diplograph
