// Readers for the article formats: JSON, JSON Lines records, plain text and HTML.
#include "reader/reader.hpp"

#include "common/errors.hpp"
#include "common/text.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace diplograph {

namespace {

[[noreturn]] void fail(std::string_view origin, std::string_view reason) {
    throw InputError(fmt::format("cannot read {}: {}", origin, reason));
}

std::optional<Date> parse_published(std::string_view value, std::string_view origin) {
    value = trim(value);
    if (value.empty()) {
        return std::nullopt;
    }
    // Timestamps ("2017-05-29T10:31:00Z") keep their date part.
    const auto date =
        parse_iso_date(value.size() > 10 && value[10] == 'T' ? value.substr(0, 10) : value);
    if (!date || date->day == 0) {
        fail(origin, fmt::format("\"published\" is not a YYYY-MM-DD date: \"{}\"", value));
    }
    return date;
}

std::string string_field(const rapidjson::Value &object, const char *name,
                         std::string_view origin) {
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd() || it->value.IsNull()) {
        return {};
    }
    if (!it->value.IsString()) {
        fail(origin, fmt::format("\"{}\" must be a string", name));
    }
    std::string value(it->value.GetString(), it->value.GetStringLength());
    if (const auto error = json_string_error(value, name)) {
        fail(origin, *error);
    }
    return value;
}

void apply_defaults(Article &article, const ArticleDefaults &defaults, std::string_view origin) {
    if (article.title.empty()) {
        article.title = defaults.title;
    }
    if (!article.published && !defaults.published.empty()) {
        article.published = parse_published(defaults.published, origin);
    }
    if (article.source.empty()) {
        article.source = defaults.source;
    }
    if (article.url.empty()) {
        article.url = defaults.url;
    }
}

Article parse_json(std::string_view text, std::string_view origin) {
    rapidjson::Document doc;
    // Bounded nesting: RapidJSON's iterative parser never recurses on the C++ stack.
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(text.data(),
                                                                                      text.size());
    if (doc.HasParseError()) {
        fail(origin, fmt::format("malformed JSON at byte {}: {}", doc.GetErrorOffset(),
                                 rapidjson::GetParseError_En(doc.GetParseError())));
    }
    if (!doc.IsObject()) {
        fail(origin, "JSON article must be an object with a \"text\" field");
    }
    const auto text_it = doc.FindMember("text");
    if (text_it == doc.MemberEnd()) {
        fail(origin, "JSON article has no \"text\" field");
    }
    Article article;
    article.text = string_field(doc, "text", origin);
    article.title = string_field(doc, "title", origin);
    article.source = string_field(doc, "source", origin);
    article.url = string_field(doc, "url", origin);
    article.published = parse_published(string_field(doc, "published", origin), origin);
    return article;
}

Article parse_txt(std::string_view text) {
    Article article;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find('\n', pos);
        const auto line =
            trim(text.substr(pos, end == std::string_view::npos ? text.npos : end - pos));
        pos = end == std::string_view::npos ? text.size() : end + 1;
        if (!line.empty()) {
            article.title = std::string(line);
            break;
        }
    }
    article.text = std::string(text.substr(pos));
    return article;
}

} // namespace

std::optional<ArticleFormat> format_from_name(std::string_view name) {
    if (name == "json") {
        return ArticleFormat::json;
    }
    if (name == "jsonl" || name == "ndjson") {
        return ArticleFormat::jsonl;
    }
    if (name == "txt" || name == "text") {
        return ArticleFormat::txt;
    }
    if (name == "html" || name == "htm") {
        return ArticleFormat::html;
    }
    return std::nullopt;
}

std::optional<ArticleFormat> format_from_path(std::string_view path) {
    const auto extension = std::filesystem::path(path).extension().string();
    if (extension.size() < 2) {
        return std::nullopt;
    }
    return format_from_name(to_lower(extension.substr(1)));
}

std::string clean_text(std::string_view bytes, std::string_view origin) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        fail(origin, "UTF-16 text is not supported; convert it to UTF-8");
    }
    // Offsets in messages count from the start of the file, byte-order mark included.
    const std::size_t bom = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    bytes.remove_prefix(bom);
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        fail(origin, fmt::format("binary data, not text (NUL byte at offset {})", bom + nul));
    }
    if (const auto bad = find_invalid_utf8(bytes)) {
        fail(origin, fmt::format("not valid UTF-8 at byte {}", bom + *bad));
    }
    return normalize_nfc(bytes);
}

Article parse_article(std::string_view bytes, ArticleFormat format, std::string_view origin,
                      const ArticleDefaults &defaults) {
    if (bytes.size() > max_article_bytes) {
        fail(origin, fmt::format("article is {} bytes; the limit is {} MiB", bytes.size(),
                                 max_article_bytes >> 20));
    }
    if (bytes.empty()) {
        fail(origin, "empty file");
    }
    const std::string text = clean_text(bytes, origin);
    if (trim(text).empty()) {
        fail(origin, "the file holds only white space");
    }
    Article article;
    switch (format) {
    case ArticleFormat::json:
    case ArticleFormat::jsonl:
        article = parse_json(text, origin);
        break;
    case ArticleFormat::txt:
        article = parse_txt(text);
        break;
    case ArticleFormat::html:
        article = parse_html(text, origin);
        break;
    }
    // JSON escapes may decode to text that needs normalising again.
    article.text = normalize_nfc(article.text);
    article.origin = std::string(origin);
    apply_defaults(article, defaults, origin);
    if (trim(article.text).empty()) {
        fail(origin, "the article has no text");
    }
    return article;
}

std::string read_file(const std::string &path, std::size_t limit) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
        fail(path, "no such file");
    }
    if (std::filesystem::is_directory(status)) {
        fail(path, "is a directory");
    }
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > limit) {
        fail(path, fmt::format("file is {} bytes; the limit is {} MiB", size, limit >> 20));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail(path, "permission denied or unreadable");
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        fail(path, "read error");
    }
    return bytes;
}

std::string read_stream(std::istream &in, std::string_view origin) {
    std::string bytes;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_article_bytes) {
            fail(origin,
                 fmt::format("input is larger than the limit of {} MiB", max_article_bytes >> 20));
        }
    }
    return bytes;
}

} // namespace diplograph
