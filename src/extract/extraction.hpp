// What the extractor finds in one article: plain structs handed to the store.
#pragma once

#include "common/date.hpp"
#include "lexicon/lexicon.hpp"
#include "reader/article.hpp"
#include "segment/document.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace diplograph {

/// An actor the article mentions: a lexicon actor, or one found in the text.
struct ActorRef {
    int lexicon = -1; ///< index into Lexicon::actors, or -1 for an actor found in the text
    std::string name;
    ActorKind kind = ActorKind::person;
    std::string country;
};

struct Mention {
    int actor = -1; ///< index into Extraction::actors
    std::uint32_t sentence = 0;
    std::uint32_t first = 0; ///< token range [first, last)
    std::uint32_t last = 0;
    std::string how; ///< name, surname, descriptor, demonym, metonym, place, title, apposition, ...
    bool possessive = false; ///< followed by 's: "Russia's", a modifier rather than an agent
    bool in_quote = false;
};

struct Topic {
    std::string name;
    int actor = -1; ///< set when the topic is a country or place node
};

struct Statement {
    int speaker = -1; ///< actor index, or -1 when the text names no speaker
    std::string kind; ///< direct or indirect
    std::uint32_t sentence = 0;
    std::uint32_t begin = 0; ///< byte span of the quoted or reported words
    std::uint32_t end = 0;
    std::string cue;           ///< the attributing verb
    std::vector<int> about;    ///< actors mentioned inside the quote or clause
    std::vector<Topic> topics; ///< themes named inside it ("chemical weapons", "sanctions")
};

struct MeetingEvidence {
    std::uint32_t sentence = 0;
    std::string trigger;
};

struct Meeting {
    std::vector<int> participants; ///< actor indices, sorted
    std::optional<Date> date;
    int place = -1;
    std::string status = "held"; ///< held, planned, cancelled
    std::vector<MeetingEvidence> evidence;
};

struct Relation {
    int source = -1;
    int target = -1;
    std::string type;
    std::string polarity;
    bool directed = true;
    bool negated = false;
    std::string modality = "asserted";
    std::string pattern; ///< FILE:LINE of the pattern, or "meeting"
    std::uint32_t sentence = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::vector<Topic> topics;
};

struct Extraction {
    Document doc; ///< views into the article text, which must outlive this
    std::vector<ActorRef> actors;
    std::vector<Mention> mentions;
    std::vector<Statement> statements;
    std::vector<Meeting> meetings;
    std::vector<Relation> relations;
};

/// Runs every extraction stage over one article.
Extraction extract(const Article &article, const Lexicon &lexicon);

} // namespace diplograph
