// The line format shared by all lexicon files:
//   head | key: value; value | key: value      (# starts a comment line)
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace diplograph {

struct LexiconLine {
    std::shared_ptr<const std::string> file; ///< shared by the lines of a file
    int line = 0;
    std::vector<std::string> fields; ///< every field, trimmed; fields[0] is the head
    std::vector<std::pair<std::string, std::vector<std::string>>> keyed; ///< "key: a; b" fields

    /// The values of a key (empty when absent).
    const std::vector<std::string> &values(std::string_view key) const;
    /// The first value of a key, or "" when absent.
    std::string value(std::string_view key) const;
    /// "FILE:LINE", for error messages and provenance.
    std::string where() const;
};

/// Splits a list value at "; ", trimming each part and dropping empty ones.
std::vector<std::string> split_list(std::string_view text);

/// Reads a lexicon file. With `keyed_from` = n, fields from index n on must be "key: value"
/// pairs with one of `allowed_keys`. Throws InputError "FILE:LINE: reason" on a malformed line.
std::vector<LexiconLine> read_lexicon_file(const std::string &path, std::size_t keyed_from,
                                           const std::vector<std::string_view> &allowed_keys,
                                           std::size_t min_fields = 1);

/// The same for text already in memory (`file` names it in messages).
std::vector<LexiconLine> parse_lexicon_text(std::string_view text, const std::string &file,
                                            std::size_t keyed_from,
                                            const std::vector<std::string_view> &allowed_keys,
                                            std::size_t min_fields = 1);

} // namespace diplograph
