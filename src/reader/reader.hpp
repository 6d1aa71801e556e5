// Reading articles from .json, .jsonl, .txt and .html files or standard input.
#pragma once

#include "reader/article.hpp"

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplograph {

enum class ArticleFormat { json, jsonl, txt, html };

/// Metadata given on the command line; it fills what the file itself leaves empty.
struct ArticleDefaults {
    std::string title;
    std::string published;
    std::string source;
    std::string url;
};

/// The largest article body (or file) diplograph reads, in bytes.
inline constexpr std::size_t max_article_bytes = 16u << 20;

/// The format implied by a file name's extension, or nullopt when it names none we read.
std::optional<ArticleFormat> format_from_path(std::string_view path);

/// Parses a format name given with --format ("json", "jsonl", "txt", "html").
std::optional<ArticleFormat> format_from_name(std::string_view name);

/// Turns raw bytes into an Article. Throws InputError "cannot read ORIGIN: reason" for binary
/// data, invalid UTF-8, malformed JSON, wrong field types, bad dates or an empty text.
Article parse_article(std::string_view bytes, ArticleFormat format, std::string_view origin,
                      const ArticleDefaults &defaults);

/// Reads a whole file (at most max_article_bytes unless `limit` says otherwise).
std::string read_file(const std::string &path, std::size_t limit = max_article_bytes);

/// Reads all of a stream (at most max_article_bytes).
std::string read_stream(std::istream &in, std::string_view origin);

/// Validates UTF-8 (throws InputError naming origin and byte offset), strips a BOM, rejects
/// binary and UTF-16 data, and returns NFC text.
std::string clean_text(std::string_view bytes, std::string_view origin);

/// HTML page -> article (title, date from meta tags, body without page furniture).
Article parse_html(std::string_view html, std::string_view origin);

} // namespace diplograph
