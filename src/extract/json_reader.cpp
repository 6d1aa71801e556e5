// Parsing extract output with RapidJSON, checking every index and offset it holds.
#include "extract/json_reader.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "extract/json_writer.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace diplograph {

namespace {

using Value = rapidjson::Value;

class Parser {
public:
    Parser(std::string_view origin, const Lexicon &lexicon) : m_origin(origin), m_lex(lexicon) {}

    std::unique_ptr<LoadedArticle> parse(std::string_view json) {
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
        if (doc.HasParseError()) {
            fail(fmt::format("malformed JSON at byte {}: {}", doc.GetErrorOffset(),
                             rapidjson::GetParseError_En(doc.GetParseError())));
        }
        if (!doc.IsObject() || text(doc, "format") != extraction_format) {
            fail(fmt::format("not `diplograph extract` output (\"format\" must be \"{}\")",
                             extraction_format));
        }
        auto loaded = std::make_unique<LoadedArticle>();
        read_article(doc, loaded->article);
        auto &x = loaded->extraction;
        x.doc.text = loaded->article.text;
        read_sentences(array(doc, "sentences"), x);
        read_actors(array(doc, "actors"), x);
        read_mentions(array(doc, "mentions"), x);
        read_statements(array(doc, "statements"), x);
        read_meetings(array(doc, "meetings"), x);
        read_relations(array(doc, "relations"), x);
        return loaded;
    }

private:
    std::string_view m_origin;
    const Lexicon &m_lex;
    std::size_t m_text_size = 0;

    [[noreturn]] void fail(std::string_view reason) const {
        throw InputError(fmt::format("cannot read {}: {}", m_origin, reason));
    }

    const Value &member(const Value &object, const char *key) const {
        const auto it = object.FindMember(key);
        if (it == object.MemberEnd()) {
            fail(fmt::format("\"{}\" is missing", key));
        }
        return it->value;
    }
    std::string text(const Value &object, const char *key) const {
        const auto &v = member(object, key);
        if (!v.IsString()) {
            fail(fmt::format("\"{}\" must be a string", key));
        }
        std::string value(v.GetString(), v.GetStringLength());
        if (const auto error = json_string_error(value, key)) {
            fail(*error);
        }
        return value;
    }
    std::uint32_t count(const Value &object, const char *key, std::size_t limit) const {
        const auto &v = member(object, key);
        if (!v.IsUint() || v.GetUint() > limit) {
            fail(fmt::format("\"{}\" must be a whole number up to {}", key, limit));
        }
        return v.GetUint();
    }
    bool flag(const Value &object, const char *key) const {
        const auto &v = member(object, key);
        if (!v.IsBool()) {
            fail(fmt::format("\"{}\" must be true or false", key));
        }
        return v.GetBool();
    }
    /// An index into a list of `size`, or -1 for null when `nullable`.
    int index(const Value &v, const char *key, std::size_t size, bool nullable) const {
        if (nullable && v.IsNull()) {
            return -1;
        }
        if (!v.IsUint() || v.GetUint() >= size) {
            fail(fmt::format("\"{}\" must index one of the {} entries before it", key, size));
        }
        return static_cast<int>(v.GetUint());
    }
    int actor(const Value &object, const char *key, const Extraction &x,
              bool nullable = false) const {
        return index(member(object, key), key, x.actors.size(), nullable);
    }
    const Value::ConstArray array(const Value &object, const char *key) const {
        const auto &v = member(object, key);
        if (!v.IsArray()) {
            fail(fmt::format("\"{}\" must be an array", key));
        }
        return v.GetArray();
    }
    std::optional<Date> date(const Value &object, const char *key) const {
        const auto value = text(object, key);
        if (value.empty()) {
            return std::nullopt;
        }
        const auto parsed = parse_iso_date(value);
        if (!parsed) {
            fail(fmt::format("\"{}\" is not an ISO-8601 date: \"{}\"", key, value));
        }
        return parsed;
    }
    /// Sentence index and byte span [begin, end) of a fact.
    void span(const Value &object, const Extraction &x, std::uint32_t &sentence,
              std::uint32_t &begin, std::uint32_t &end) const {
        sentence = static_cast<std::uint32_t>(
            index(member(object, "sentence"), "sentence", x.doc.sentences.size(), false));
        begin = count(object, "begin", m_text_size);
        end = count(object, "end", m_text_size);
        if (end < begin) {
            fail("\"end\" comes before \"begin\"");
        }
    }

    void read_article(const Value &doc, Article &article) {
        article.origin = text(doc, "origin");
        article.title = text(doc, "title");
        article.published = date(doc, "published");
        article.source = text(doc, "source");
        article.url = text(doc, "url");
        article.text = text(doc, "text");
        if (article.text.empty()) {
            fail("the article has no text");
        }
        m_text_size = article.text.size();
    }

    void read_sentences(const Value::ConstArray &list, Extraction &x) const {
        for (const auto &v : list) {
            Sentence s;
            s.begin = count(v, "begin", m_text_size);
            s.end = count(v, "end", m_text_size);
            s.paragraph = count(v, "paragraph", m_text_size);
            if (s.end < s.begin) {
                fail("a sentence's \"end\" comes before its \"begin\"");
            }
            x.doc.sentences.push_back(s);
        }
    }

    /// The lexicon actor with this name, kind and country, or -1.
    int lexicon_actor(const ActorRef &a) const {
        const auto same = [&](int i) {
            const auto &known = m_lex.actors[i];
            return known.name == a.name && known.kind == a.kind && known.country == a.country;
        };
        if (const int i = m_lex.find(a.name); i >= 0 && same(i)) {
            return i;
        }
        for (int i = 0; i < static_cast<int>(m_lex.actors.size()); ++i) {
            if (same(i)) {
                return i;
            }
        }
        return -1;
    }

    void read_actors(const Value::ConstArray &list, Extraction &x) const {
        for (const auto &v : list) {
            ActorRef a;
            a.name = text(v, "name");
            const auto kind = actor_kind_from(text(v, "kind"));
            if (!kind) {
                fail(fmt::format("actor \"{}\" has an unknown kind", a.name));
            }
            a.kind = *kind;
            a.country = text(v, "country");
            a.lexicon = flag(v, "lexicon") ? lexicon_actor(a) : -1;
            x.actors.push_back(std::move(a));
        }
    }

    void read_mentions(const Value::ConstArray &list, Extraction &x) const {
        for (const auto &v : list) {
            Mention m;
            m.actor = actor(v, "actor", x);
            std::uint32_t begin = 0;
            std::uint32_t end = 0;
            span(v, x, m.sentence, begin, end);
            m.first = static_cast<std::uint32_t>(x.doc.tokens.size());
            m.last = m.first + 1;
            x.doc.tokens.push_back(Token{begin, end});
            m.how = text(v, "how");
            m.possessive = flag(v, "possessive");
            m.in_quote = flag(v, "in_quote");
            x.mentions.push_back(std::move(m));
        }
    }

    std::vector<Topic> topics(const Value &v, const Extraction &x) const {
        std::vector<Topic> out;
        for (const auto &t : array(v, "topics")) {
            out.push_back(Topic{text(t, "name"), actor(t, "actor", x, true)});
        }
        return out;
    }

    void read_statements(const Value::ConstArray &list, Extraction &x) const {
        for (const auto &v : list) {
            Statement s;
            s.speaker = actor(v, "speaker", x, true);
            s.kind = text(v, "kind");
            span(v, x, s.sentence, s.begin, s.end);
            s.cue = text(v, "cue");
            for (const auto &about : array(v, "about")) {
                s.about.push_back(index(about, "about", x.actors.size(), false));
            }
            s.topics = topics(v, x);
            x.statements.push_back(std::move(s));
        }
    }

    void read_meetings(const Value::ConstArray &list, Extraction &x) const {
        for (const auto &v : list) {
            Meeting m;
            for (const auto &p : array(v, "participants")) {
                m.participants.push_back(index(p, "participants", x.actors.size(), false));
            }
            m.date = date(v, "date");
            m.place = actor(v, "place", x, true);
            m.status = text(v, "status");
            for (const auto &e : array(v, "evidence")) {
                MeetingEvidence evidence;
                evidence.sentence = static_cast<std::uint32_t>(
                    index(member(e, "sentence"), "sentence", x.doc.sentences.size(), false));
                evidence.trigger = text(e, "trigger");
                m.evidence.push_back(std::move(evidence));
            }
            if (m.participants.empty() || m.evidence.empty()) {
                fail("a meeting needs participants and evidence");
            }
            x.meetings.push_back(std::move(m));
        }
    }

    void read_relations(const Value::ConstArray &list, Extraction &x) const {
        for (const auto &v : list) {
            Relation r;
            r.source = actor(v, "source", x);
            r.target = actor(v, "target", x);
            r.type = text(v, "type");
            r.polarity = text(v, "polarity");
            r.directed = flag(v, "directed");
            r.negated = flag(v, "negated");
            r.modality = text(v, "modality");
            r.topics = topics(v, x);
            r.pattern = text(v, "pattern");
            span(v, x, r.sentence, r.begin, r.end);
            x.relations.push_back(std::move(r));
        }
    }
};

} // namespace

std::unique_ptr<LoadedArticle> article_from_json(std::string_view json, std::string_view origin,
                                                 const Lexicon &lexicon) {
    return Parser(origin, lexicon).parse(json);
}

} // namespace diplograph
