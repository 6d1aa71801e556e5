// Serialising an extraction to JSON with RapidJSON.
#include "extract/json_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace diplograph {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer &w, std::string_view text) {
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void field(Writer &w, const char *key, std::string_view text) {
    w.Key(key);
    string(w, text);
}

void number(Writer &w, const char *key, std::uint32_t value) {
    w.Key(key);
    w.Uint(value);
}

void flag(Writer &w, const char *key, bool value) {
    w.Key(key);
    w.Bool(value);
}

/// An actor index, or null for none.
void actor_field(Writer &w, const char *key, int actor) {
    w.Key(key);
    if (actor < 0) {
        w.Null();
    } else {
        w.Int(actor);
    }
}

void span(Writer &w, std::uint32_t sentence, std::uint32_t begin, std::uint32_t end) {
    number(w, "sentence", sentence);
    number(w, "begin", begin);
    number(w, "end", end);
}

void write_article(Writer &w, const Article &article, const Extraction &x) {
    field(w, "format", extraction_format);
    field(w, "origin", article.origin);
    field(w, "title", article.title);
    field(w, "published", article.published ? to_iso(*article.published) : "");
    field(w, "source", article.source);
    field(w, "url", article.url);
    field(w, "text", article.text);
    w.Key("sentences");
    w.StartArray();
    for (const auto &s : x.doc.sentences) {
        w.StartObject();
        number(w, "begin", s.begin);
        number(w, "end", s.end);
        number(w, "paragraph", s.paragraph);
        w.EndObject();
    }
    w.EndArray();
}

void write_actors(Writer &w, const Extraction &x) {
    w.Key("actors");
    w.StartArray();
    for (const auto &a : x.actors) {
        w.StartObject();
        field(w, "name", a.name);
        field(w, "kind", to_string(a.kind));
        field(w, "country", a.country);
        flag(w, "lexicon", a.lexicon >= 0);
        w.EndObject();
    }
    w.EndArray();
    w.Key("mentions");
    w.StartArray();
    for (const auto &m : x.mentions) {
        const auto begin = x.doc.tokens[m.first].begin;
        const auto end = x.doc.tokens[m.last - 1].end;
        w.StartObject();
        actor_field(w, "actor", m.actor);
        span(w, m.sentence, begin, end);
        field(w, "text", x.doc.span_text(begin, end));
        field(w, "how", m.how);
        flag(w, "possessive", m.possessive);
        flag(w, "in_quote", m.in_quote);
        w.EndObject();
    }
    w.EndArray();
}

void topics_field(Writer &w, const std::vector<Topic> &topics) {
    w.Key("topics");
    w.StartArray();
    for (const auto &t : topics) {
        w.StartObject();
        field(w, "name", t.name);
        actor_field(w, "actor", t.actor);
        w.EndObject();
    }
    w.EndArray();
}

void write_statements(Writer &w, const Extraction &x) {
    w.Key("statements");
    w.StartArray();
    for (const auto &s : x.statements) {
        w.StartObject();
        actor_field(w, "speaker", s.speaker);
        field(w, "kind", s.kind);
        span(w, s.sentence, s.begin, s.end);
        field(w, "quote", x.doc.span_text(s.begin, s.end));
        field(w, "cue", s.cue);
        w.Key("about");
        w.StartArray();
        for (const int actor : s.about) {
            w.Int(actor);
        }
        w.EndArray();
        topics_field(w, s.topics);
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
            w.Int(p);
        }
        w.EndArray();
        field(w, "date", m.date ? to_iso(*m.date) : "");
        actor_field(w, "place", m.place);
        field(w, "status", m.status);
        w.Key("evidence");
        w.StartArray();
        for (const auto &e : m.evidence) {
            w.StartObject();
            number(w, "sentence", e.sentence);
            field(w, "trigger", e.trigger);
            w.EndObject();
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
        actor_field(w, "source", r.source);
        actor_field(w, "target", r.target);
        field(w, "type", r.type);
        field(w, "polarity", r.polarity);
        flag(w, "directed", r.directed);
        flag(w, "negated", r.negated);
        field(w, "modality", r.modality);
        topics_field(w, r.topics);
        field(w, "pattern", r.pattern);
        span(w, r.sentence, r.begin, r.end);
        w.EndObject();
    }
    w.EndArray();
}

} // namespace

std::string extraction_to_json(const Article &article, const Extraction &x) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    write_article(w, article, x);
    write_actors(w, x);
    write_statements(w, x);
    write_meetings(w, x);
    write_relations(w, x);
    w.EndObject();
    return buffer.GetString();
}

} // namespace diplograph
