// UTF-8 helpers: validation, NFC normalisation and the character classes the segmenter needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace diplograph {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// What is wrong with a string value decoded from JSON, or nullopt when it is valid UTF-8.
/// RapidJSON decodes an unpaired \uDC00-\uDFFF escape into bytes that are not UTF-8; the
/// message names `field` and where in the value the bad bytes are.
std::optional<std::string> json_string_error(std::string_view value, std::string_view field);

/// NFC-normalised copy of valid UTF-8 text.
std::string normalize_nfc(std::string_view text);

/// Decodes the code point starting at `pos` and advances `pos` past it (valid UTF-8 only).
char32_t next_code_point(std::string_view text, std::size_t &pos);

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_digit(char32_t c);
bool is_space(char32_t c);

/// True when the first character of the text is an upper-case letter.
bool starts_upper(std::string_view text);

/// Lower-cases the whole text (Unicode simple case mapping).
std::string to_lower(std::string_view text);

/// Case-folded, accent-free key used to compare names loosely ("Élysée" -> "elysee").
std::string fold_key(std::string_view text);

/// Trims ASCII and Unicode white space at both ends.
std::string_view trim(std::string_view text);

} // namespace diplograph
