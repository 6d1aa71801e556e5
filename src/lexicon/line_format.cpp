// Parser for the lexicon line format, with file:line errors.
#include "lexicon/line_format.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace diplograph {

const std::vector<std::string> &LexiconLine::values(std::string_view key) const {
    static const std::vector<std::string> none;
    for (const auto &[k, v] : keyed) {
        if (k == key) {
            return v;
        }
    }
    return none;
}

std::string LexiconLine::value(std::string_view key) const {
    const auto &v = values(key);
    return v.empty() ? std::string() : v.front();
}

std::string LexiconLine::where() const {
    return fmt::format("{}:{}", file ? *file : std::string(), line);
}

std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = std::min(text.find(';', pos), text.size());
        const auto part = trim(text.substr(pos, end - pos));
        if (!part.empty()) {
            out.emplace_back(part);
        }
        pos = end + 1;
    }
    return out;
}

std::vector<LexiconLine> parse_lexicon_text(std::string_view text, const std::string &file,
                                            std::size_t keyed_from,
                                            const std::vector<std::string_view> &allowed_keys,
                                            std::size_t min_fields) {
    std::vector<LexiconLine> lines;
    if (const auto bad = find_invalid_utf8(text)) {
        throw InputError(fmt::format("{}: not valid UTF-8 at byte {}", file, *bad));
    }
    const auto shared_file = std::make_shared<const std::string>(file);
    std::size_t pos = 0;
    int number = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        end = end == std::string_view::npos ? text.size() : end;
        const auto raw = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++number;
        if (raw.empty() || raw.front() == '#') {
            continue;
        }
        LexiconLine line;
        line.file = shared_file;
        line.line = number;
        // Fields are separated by a bar with white space on both sides, so that a bar inside a
        // field ("accuse+|charge+" in a pattern) stays part of it.
        line.fields.reserve(static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '|')) + 1);
        std::size_t start = 0;
        while (start <= raw.size()) {
            auto bar = raw.find('|', start);
            while (bar != std::string_view::npos &&
                   !(bar > 0 && (raw[bar - 1] == ' ' || raw[bar - 1] == '\t') &&
                     (bar + 1 == raw.size() || raw[bar + 1] == ' ' || raw[bar + 1] == '\t'))) {
                bar = raw.find('|', bar + 1);
            }
            bar = std::min(bar, raw.size());
            line.fields.emplace_back(trim(raw.substr(start, bar - start)));
            start = bar + 1;
        }
        if (line.fields.size() < min_fields || line.fields.front().empty()) {
            throw InputError(fmt::format("{}: expected at least {} fields separated by \" | \"",
                                         line.where(), min_fields));
        }
        if (line.fields.size() > keyed_from) {
            line.keyed.reserve(line.fields.size() - keyed_from);
        }
        for (std::size_t i = keyed_from; i < line.fields.size(); ++i) {
            const auto &field = line.fields[i];
            const auto colon = field.find(':');
            const auto key = colon == std::string::npos
                                 ? std::string_view()
                                 : trim(std::string_view(field).substr(0, colon));
            if (key.empty() ||
                std::find(allowed_keys.begin(), allowed_keys.end(), key) == allowed_keys.end()) {
                throw InputError(fmt::format("{}: field \"{}\" is not one of the keys {}",
                                             line.where(), field, fmt::join(allowed_keys, ", ")));
            }
            line.keyed.emplace_back(std::string(key),
                                    split_list(std::string_view(field).substr(colon + 1)));
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<LexiconLine> read_lexicon_file(const std::string &path, std::size_t keyed_from,
                                           const std::vector<std::string_view> &allowed_keys,
                                           std::size_t min_fields) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        throw InputError(fmt::format("cannot read lexicon file {}", path));
    }
    // One read of the whole file: a character-by-character stream copy cost more than parsing.
    std::string text(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
        throw InputError(fmt::format("cannot read lexicon file {}", path));
    }
    return parse_lexicon_text(text, path, keyed_from, allowed_keys, min_fields);
}

} // namespace diplograph
