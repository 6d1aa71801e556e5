// Reading gold files with RapidJSON: every field checked, errors name the file and item.
#include "report/gold.hpp"

#include "common/errors.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace diplograph {

namespace {

/// Typed access to a gold file's fields; every failure names the file and the item.
class GoldReader {
public:
    explicit GoldReader(std::string_view origin) : m_origin(origin) {}

    [[noreturn]] void fail(std::string_view where, std::string_view what) const {
        throw InputError(fmt::format("cannot read {}: {}{}", m_origin, where, what));
    }

    const rapidjson::Value *member(const rapidjson::Value &object, const char *key) const {
        const auto it = object.FindMember(key);
        return it == object.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
    }

    std::string text(const rapidjson::Value &object, const char *key, const std::string &where,
                     bool required = false) const {
        const auto *value = member(object, key);
        if (value == nullptr && !required) {
            return {};
        }
        if (value == nullptr || !value->IsString()) {
            fail(where, fmt::format("\"{}\" must be a string", key));
        }
        return std::string(value->GetString(), value->GetStringLength());
    }

    std::vector<std::string> texts(const rapidjson::Value &object, const char *key,
                                   const std::string &where) const {
        std::vector<std::string> out;
        const auto *value = member(object, key);
        if (value == nullptr) {
            return out;
        }
        if (!value->IsArray()) {
            fail(where, fmt::format("\"{}\" must be a list of strings", key));
        }
        for (const auto &item : value->GetArray()) {
            if (!item.IsString()) {
                fail(where, fmt::format("\"{}\" must be a list of strings", key));
            }
            out.emplace_back(item.GetString(), item.GetStringLength());
        }
        return out;
    }

    bool flag(const rapidjson::Value &object, const char *key, const std::string &where,
              bool otherwise = false) const {
        const auto *value = member(object, key);
        if (value == nullptr) {
            return otherwise;
        }
        if (!value->IsBool()) {
            fail(where, fmt::format("\"{}\" must be true or false", key));
        }
        return value->GetBool();
    }

    /// `side`, or the alternatives of `side_any`.
    std::vector<std::string> endpoint(const rapidjson::Value &object, const std::string &side,
                                      const std::string &where) const {
        const std::string any = side + "_any";
        if (object.HasMember(any.c_str())) {
            return texts(object, any.c_str(), where);
        }
        return {text(object, side.c_str(), where, true)};
    }

    /// Calls `read(item, "section[i]: ")` for each object of the list `section`.
    template <typename Read>
    void each(const rapidjson::Value &doc, const char *section, Read read) const {
        const auto *list = member(doc, section);
        if (list == nullptr) {
            return;
        }
        if (!list->IsArray()) {
            fail("", fmt::format("\"{}\" must be a list", section));
        }
        for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
            const std::string where = fmt::format("{}[{}]: ", section, i);
            if (!(*list)[i].IsObject()) {
                fail(where, "each item must be an object");
            }
            read((*list)[i], where);
        }
    }

private:
    std::string_view m_origin;
};

} // namespace

Gold parse_gold(std::string_view json, std::string_view origin) {
    const GoldReader in(origin);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                      json.size());
    if (doc.HasParseError()) {
        in.fail("", fmt::format("malformed JSON at byte {}: {}", doc.GetErrorOffset(),
                                rapidjson::GetParseError_En(doc.GetParseError())));
    }
    if (!doc.IsObject()) {
        in.fail("", "a gold file must be a JSON object");
    }
    Gold gold;
    in.each(doc, "actors", [&](const rapidjson::Value &v, const std::string &where) {
        gold.actors.push_back({in.text(v, "name", where, true), in.text(v, "kind", where),
                               in.text(v, "country", where), in.texts(v, "also", where),
                               in.flag(v, "optional", where), in.flag(v, "ignore", where)});
    });
    in.each(doc, "statements", [&](const rapidjson::Value &v, const std::string &where) {
        gold.statements.push_back({in.text(v, "speaker", where, true),
                                   in.text(v, "quote", where, true), in.flag(v, "optional", where),
                                   in.flag(v, "ignore", where)});
    });
    in.each(doc, "meetings", [&](const rapidjson::Value &v, const std::string &where) {
        if (!v.HasMember("participants")) {
            in.fail(where, "\"participants\" is missing");
        }
        gold.meetings.push_back({in.texts(v, "participants", where), in.text(v, "place", where),
                                 in.text(v, "date", where), in.flag(v, "optional", where),
                                 in.flag(v, "ignore", where)});
    });
    in.each(doc, "relations", [&](const rapidjson::Value &v, const std::string &where) {
        gold.relations.push_back({in.endpoint(v, "source", where), in.endpoint(v, "target", where),
                                  in.text(v, "type", where, true),
                                  in.text(v, "polarity", where, true), in.texts(v, "topics", where),
                                  in.flag(v, "directed", where, true),
                                  in.flag(v, "optional", where), in.flag(v, "ignore", where)});
    });
    return gold;
}

} // namespace diplograph
