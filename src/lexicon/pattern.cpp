// Compiling relation patterns from their text form.
#include "lexicon/pattern.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"
#include "lexicon/lexicon.hpp"

#include <fmt/format.h>

#include <array>

namespace diplograph {

namespace {

std::vector<std::string> split_words(std::string_view text, char separator) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = std::min(text.find(separator, pos), text.size());
        if (end > pos) {
            out.emplace_back(text.substr(pos, end - pos));
        }
        pos = end + 1;
    }
    return out;
}

PatternElement parse_element(std::string_view item, const LexiconLine &line) {
    PatternElement element;
    if (item.size() > 2 && item.front() == '(' && item.back() == ')') {
        element.optional = true;
        item = item.substr(1, item.size() - 2);
    }
    if (item == "X") {
        element.kind = ElementKind::source;
    } else if (item == "Y") {
        element.kind = ElementKind::target;
    } else if (item == "S") {
        element.kind = ElementKind::speaker;
    } else if (item == "X&Y") {
        element.kind = ElementKind::pair;
    } else if (item == "T") {
        element.kind = ElementKind::topic;
    } else if (item == "...") {
        element.kind = ElementKind::gap;
    } else if (item == "'s") {
        element.kind = ElementKind::possessive;
    } else {
        for (const auto &alternative : split_words(item, '|')) {
            if (alternative.back() == '+') {
                for (auto &form :
                     inflections(to_lower(alternative.substr(0, alternative.size() - 1)))) {
                    element.words.push_back(std::move(form));
                }
            } else {
                element.words.push_back(to_lower(alternative));
            }
        }
        if (element.words.empty()) {
            throw InputError(fmt::format("{}: empty word in pattern", line.where()));
        }
    }
    if (element.optional && element.kind != ElementKind::words) {
        throw InputError(
            fmt::format("{}: only words can be optional, not \"({})\"", line.where(), item));
    }
    return element;
}

} // namespace

bool is_relation_type(std::string_view type) {
    static constexpr std::array<std::string_view, 18> types = {
        "AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE", "AID",
        "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",  "PROTEST",
        "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT", "OPPOSE",    "ALIGN"};
    return std::find(types.begin(), types.end(), type) != types.end();
}

bool is_polarity(std::string_view polarity) {
    return polarity == "cooperative" || polarity == "conflictual" || polarity == "neutral";
}

RelationPattern parse_pattern(const LexiconLine &line) {
    if (line.fields.size() != 3) {
        throw InputError(fmt::format("{}: expected TYPE | polarity | pattern", line.where()));
    }
    RelationPattern pattern;
    pattern.type = line.fields[0];
    pattern.polarity = line.fields[1];
    pattern.text = line.fields[2];
    pattern.where = line.where();
    if (!is_relation_type(pattern.type)) {
        throw InputError(
            fmt::format("{}: unknown relation type \"{}\"", line.where(), pattern.type));
    }
    if (!is_polarity(pattern.polarity)) {
        throw InputError(
            fmt::format("{}: polarity must be cooperative, conflictual or neutral, not \"{}\"",
                        line.where(), pattern.polarity));
    }
    bool has_target = false;
    int sources = 0; // X, X&Y and S each name the source
    for (const auto &item : split_words(pattern.text, ' ')) {
        auto element = parse_element(item, line);
        has_target =
            has_target || element.kind == ElementKind::target || element.kind == ElementKind::pair;
        sources += element.kind == ElementKind::source || element.kind == ElementKind::pair ||
                   element.kind == ElementKind::speaker;
        if (element.kind == ElementKind::pair) {
            pattern.directed = false;
        }
        if (pattern.anchor < 0 && element.kind == ElementKind::words && !element.optional) {
            pattern.anchor = static_cast<int>(pattern.elements.size());
        }
        pattern.elements.push_back(std::move(element));
    }
    if (!has_target) {
        throw InputError(fmt::format("{}: a pattern needs a target: Y or X&Y", line.where()));
    }
    if (sources > 1) {
        throw InputError(
            fmt::format("{}: a pattern names its source once: X, X&Y or S", line.where()));
    }
    if (pattern.anchor < 0) {
        throw InputError(
            fmt::format("{}: a pattern needs at least one required word", line.where()));
    }
    return pattern;
}

} // namespace diplograph
