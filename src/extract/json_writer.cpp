// Serialising an extraction to JSON with RapidJSON.
#include "extract/json_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace diplograph {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer &w, std::string_view text) { w.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); }

void field(Writer &w, const char *key, std::string_view text) {
    w.Key(key);
    string(w, text);
}

void actor_field(Writer &w, const char *key, const Extraction &x, int actor) {
    w.Key(key);
    if (actor < 0) {
        w.Null();
    } else {
        string(w, x.actors[actor].name);
    }
}

std::string_view sentence_text(const Extraction &x, std::uint32_t s) {
    return x.doc.span_text(x.doc.sentences[s].begin, x.doc.sentences[s].end);
}

void write_actors(Writer &w, const Extraction &x) {
    w.Key("actors");
    w.StartArray();
    for (const auto &a : x.actors) {
        w.StartObject();
        field(w, "name", a.name);
        field(w, "kind", to_string(a.kind));
        field(w, "country", a.country);
        w.EndObject();
    }
    w.EndArray();
    w.Key("mentions");
    w.StartArray();
    for (const auto &m : x.mentions) {
        w.StartObject();
        field(w, "text", x.doc.span_text(x.doc.tokens[m.first].begin, x.doc.tokens[m.last - 1].end));
        actor_field(w, "actor", x, m.actor);
        field(w, "how", m.how);
        w.Key("sentence");
        w.Uint(m.sentence);
        w.EndObject();
    }
    w.EndArray();
}

void write_statements(Writer &w, const Extraction &x) {
    w.Key("statements");
    w.StartArray();
    for (const auto &s : x.statements) {
        w.StartObject();
        actor_field(w, "speaker", x, s.speaker);
        field(w, "kind", s.kind);
        field(w, "quote", x.doc.span_text(s.begin, s.end));
        field(w, "cue", s.cue);
        w.Key("sentence");
        w.Uint(s.sentence);
        w.EndObject();
    }
    w.EndArray();
}

void write_meetings(Writer &w, const Extraction &x) {
    w.Key("meetings");
    w.StartArray();
    for (const auto &m : x.meetings) {
        w.StartObject();
        w.Key("participants");
        w.StartArray();
        for (const int p : m.participants) {
            string(w, x.actors[p].name);
        }
        w.EndArray();
        field(w, "date", m.date ? to_iso(*m.date) : "");
        actor_field(w, "place", x, m.place);
        field(w, "status", m.status);
        w.Key("evidence");
        w.StartArray();
        for (const auto &e : m.evidence) {
            string(w, sentence_text(x, e.sentence));
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
}

void write_relations(Writer &w, const Extraction &x) {
    w.Key("relations");
    w.StartArray();
    for (const auto &r : x.relations) {
        w.StartObject();
        actor_field(w, "source", x, r.source);
        actor_field(w, "target", x, r.target);
        field(w, "type", r.type);
        field(w, "polarity", r.polarity);
        w.Key("directed");
        w.Bool(r.directed);
        w.Key("negated");
        w.Bool(r.negated);
        field(w, "modality", r.modality);
        w.Key("topics");
        w.StartArray();
        for (const auto &t : r.topics) {
            string(w, t.name);
        }
        w.EndArray();
        field(w, "pattern", r.pattern);
        field(w, "evidence", sentence_text(x, r.sentence));
        w.EndObject();
    }
    w.EndArray();
}

} // namespace

std::string extraction_to_json(const Article &article, const Extraction &x) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    field(w, "origin", article.origin);
    field(w, "title", article.title);
    field(w, "published", article.published ? to_iso(*article.published) : "");
    write_actors(w, x);
    write_statements(w, x);
    write_meetings(w, x);
    write_relations(w, x);
    w.EndObject();
    return buffer.GetString();
}

} // namespace diplograph
