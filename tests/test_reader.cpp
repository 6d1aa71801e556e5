// Tests of the article readers: JSON, plain text and HTML, and the checks every input goes through.
#include "common/errors.hpp"
#include "reader/reader.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <string>

using namespace diplograph;
using Catch::Matchers::Contains;

namespace {

Article parse(const std::string &bytes, ArticleFormat format,
              const std::string &origin = "in/article.json") {
    return parse_article(bytes, format, origin, ArticleDefaults{});
}

/// The message of the InputError that `action` throws; fails the test when it throws none.
std::string input_error(const std::function<void()> &action) {
    try {
        action();
    } catch (const InputError &e) {
        return e.what();
    }
    FAIL("no InputError was thrown");
    return {};
}

std::string json_error(const std::string &bytes) {
    return input_error([&] { parse(bytes, ArticleFormat::json); });
}

} // namespace

TEST_CASE("a JSON article gives every field", "[reader]") {
    const auto article = parse(R"({"title": "Macron meets Putin", "published": "2017-05-29",
        "source": "Le Monde", "url": "https://example.org/a", "text": "Macron met Putin."})",
                               ArticleFormat::json);
    CHECK(article.title == "Macron meets Putin");
    REQUIRE(article.published);
    CHECK(*article.published == Date{2017, 5, 29});
    CHECK(article.source == "Le Monde");
    CHECK(article.url == "https://example.org/a");
    CHECK(article.text == "Macron met Putin.");
    CHECK(article.origin == "in/article.json");
}

TEST_CASE("a JSON article needs only its text", "[reader]") {
    const auto article = parse(R"({"text": "Macron met Putin."})", ArticleFormat::json);
    CHECK(article.text == "Macron met Putin.");
    CHECK(article.title.empty());
    CHECK_FALSE(article.published);
    CHECK(article.source.empty());
    CHECK(article.url.empty());
}

TEST_CASE("a JSON null field counts as absent", "[reader]") {
    const auto article = parse(R"({"text": "Macron met Putin.", "title": null, "published": null})",
                               ArticleFormat::json);
    CHECK(article.title.empty());
    CHECK_FALSE(article.published);
}

TEST_CASE("a timestamp in \"published\" keeps its date", "[reader]") {
    const auto article =
        parse(R"({"text": "Macron met Putin.", "published": "2017-05-29T10:31:00Z"})",
              ArticleFormat::json);
    REQUIRE(article.published);
    CHECK(*article.published == Date{2017, 5, 29});
}

TEST_CASE("defaults fill only what the article leaves empty", "[reader]") {
    ArticleDefaults defaults;
    defaults.title = "Default title";
    defaults.published = "2020-01-02";
    defaults.source = "Default source";
    const auto article = parse_article(R"({"text": "Macron met Putin.", "title": "Own title"})",
                                       ArticleFormat::json, "a.json", defaults);
    CHECK(article.title == "Own title");
    REQUIRE(article.published);
    CHECK(*article.published == Date{2020, 1, 2});
    CHECK(article.source == "Default source");
}

TEST_CASE("a JSON field of the wrong type names the origin and the field", "[reader]") {
    SECTION("text") {
        const auto message = json_error(R"({"text": 42})");
        CHECK_THAT(message, Contains("in/article.json") && Contains("\"text\""));
    }
    SECTION("title") {
        const auto message = json_error(R"({"text": "Macron met Putin.", "title": ["a", "b"]})");
        CHECK_THAT(message, Contains("in/article.json") && Contains("\"title\""));
    }
    SECTION("published") {
        const auto message = json_error(R"({"text": "Macron met Putin.", "published": 20170529})");
        CHECK_THAT(message, Contains("in/article.json") && Contains("\"published\""));
    }
}

TEST_CASE("JSON that is not an article object is refused", "[reader]") {
    CHECK_THAT(json_error(R"(["Macron met Putin."])"),
               Contains("in/article.json") && Contains("object"));
    CHECK_THAT(json_error(R"({"body": "Macron met Putin."})"),
               Contains("in/article.json") && Contains("\"text\""));
}

TEST_CASE("malformed JSON names the byte offset of the error", "[reader]") {
    // The missing comma is at byte 15, where "title" begins.
    const auto message = json_error(R"({"text": "abc" "title": "x"})");
    CHECK_THAT(message,
               Contains("in/article.json") && Contains("malformed JSON") && Contains("byte 15"));
}

TEST_CASE("a JSON escape of an unpaired surrogate is refused, not stored as bad UTF-8",
          "[reader]") {
    SECTION("a low surrogate alone, which the JSON parser lets through") {
        CHECK_THAT(json_error(R"({"text": "\udC00 Macron met Putin."})"),
                   Contains("in/article.json") && Contains("\"text\"") &&
                       Contains("unpaired surrogate") && Contains("byte 0"));
        CHECK_THAT(json_error(R"({"text": "Macron met Putin.", "title": "A \uDFFF"})"),
                   Contains("\"title\"") && Contains("byte 2"));
    }
    SECTION("a high surrogate alone, which the JSON parser refuses") {
        CHECK_THAT(json_error(R"({"text": "\ud800 Macron met Putin."})"),
                   Contains("in/article.json") && Contains("malformed JSON"));
    }
    SECTION("a surrogate pair is one character") {
        const auto article = parse_article(R"({"text": "Macron \ud83d\ude00 met Putin."})",
                                           ArticleFormat::json, "in/article.json", {});
        CHECK(article.text == "Macron \xF0\x9F\x98\x80 met Putin.");
    }
}

TEST_CASE("a \"published\" value that is not a full date is refused", "[reader]") {
    const std::string value = GENERATE("2017-02-30", "yesterday", "29/05/2017", "2017-05");
    const auto message =
        json_error(R"({"text": "Macron met Putin.", "published": ")" + value + "\"}");
    CHECK_THAT(message,
               Contains("in/article.json") && Contains("\"published\"") && Contains(value));
}

TEST_CASE("an article with empty text is refused", "[reader]") {
    CHECK_THAT(json_error(R"({"title": "Nothing", "text": ""})"),
               Contains("in/article.json") && Contains("no text"));
    CHECK_THAT(json_error(R"({"title": "Nothing", "text": " \n\t "})"),
               Contains("in/article.json") && Contains("no text"));
}

TEST_CASE("a text file's first non-empty line is its title", "[reader]") {
    const auto article = parse("\n  \n  Macron meets Putin  \nMacron met Putin.\n\nThey talked.\n",
                               ArticleFormat::txt, "a.txt");
    CHECK(article.title == "Macron meets Putin");
    CHECK(article.text == "Macron met Putin.\n\nThey talked.\n");
    CHECK_FALSE(article.published);
    CHECK(article.origin == "a.txt");
}

TEST_CASE("a JSON Lines record is read like a JSON article", "[reader]") {
    const auto article =
        parse(R"({"text": "Macron met Putin.", "title": "T"})", ArticleFormat::jsonl, "a.jsonl:3");
    CHECK(article.title == "T");
    CHECK(article.origin == "a.jsonl:3");
}

TEST_CASE("an HTML page gives title, date and body without page furniture", "[reader]") {
    const std::string page = R"(<!DOCTYPE html>
<html><head>
<title>Macron meets Putin - Example News</title>
<meta property="og:title" content="Macron meets Putin at Versailles">
<meta property="article:published_time" content="2017-05-29T18:02:00+02:00">
<style>p { color: red; } .secret-style {}</style>
<script>var tracking = "script text";</script>
</head><body>
<nav><a href="/">Home navigation</a></nav>
<div class="share-bar">Share on Facebook Twitter</div>
<article>
<h1>Macron meets Putin</h1>
<p>Emmanuel Macron received <b>Vladimir Putin</b> at Versailles on Monday.</p>
<script>document.write("inline script");</script>
<p>The two leaders spoke   for three hours.</p>
<div class="social-share">Pinterest</div>
</article>
<footer>Copyright footer text</footer>
</body></html>)";
    const auto article = parse(page, ArticleFormat::html, "page.html");
    CHECK(article.title == "Macron meets Putin at Versailles");
    REQUIRE(article.published);
    CHECK(*article.published == Date{2017, 5, 29});
    CHECK_THAT(article.text,
               Contains("Emmanuel Macron received Vladimir Putin at Versailles on Monday.\n\n"
                        "The two leaders spoke for three hours."));
    for (const char *furniture : {"Home navigation", "Share on", "Pinterest", "Copyright", "script",
                                  "color", "tracking", "Example News"}) {
        INFO("furniture: " << furniture);
        CHECK_THAT(article.text, !Contains(furniture));
    }
}

TEST_CASE("an HTML page without og:title takes its <title>", "[reader]") {
    const auto article = parse("<html><head><title> Talks in Minsk </title></head>"
                               "<body><p>The talks went on all night.</p></body></html>",
                               ArticleFormat::html, "page.html");
    CHECK(article.title == "Talks in Minsk");
    CHECK_FALSE(article.published);
    CHECK_THAT(article.text, Contains("The talks went on all night."));
}

TEST_CASE("HTML paragraphs are separated by a blank line", "[reader]") {
    const auto article =
        parse("<body><p>First paragraph.</p><p>Second paragraph.</p><div>Third.</div></body>",
              ArticleFormat::html, "page.html");
    CHECK_THAT(article.text, Contains("First paragraph.\n\nSecond paragraph.\n\nThird."));
}

TEST_CASE("a UTF-16 file is refused", "[reader]") {
    const std::string little_endian("\xFF\xFE{\0\"\0", 6);
    const std::string big_endian("\xFE\xFF\0{\0\"", 6);
    for (const auto &bytes : {little_endian, big_endian}) {
        const auto message = input_error([&] { parse(bytes, ArticleFormat::json, "wide.json"); });
        CHECK_THAT(message, Contains("wide.json") && Contains("UTF-16"));
    }
}

TEST_CASE("a NUL byte marks binary data, which is refused", "[reader]") {
    const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    const auto message = input_error([&] { parse(png, ArticleFormat::txt, "photo.txt"); });
    CHECK_THAT(message, Contains("photo.txt") && Contains("binary") && Contains("offset 8"));

    SECTION("after a byte-order mark, the offset still counts from the start of the file") {
        const std::string bytes("\xEF\xBB\xBF"
                                "ab\0c",
                                7);
        CHECK_THAT(input_error([&] { parse(bytes, ArticleFormat::txt, "nul.txt"); }),
                   Contains("offset 5"));
    }
}

TEST_CASE("invalid UTF-8 is refused with its byte offset", "[reader]") {
    SECTION("a stray continuation byte") {
        const auto message =
            input_error([] { parse("Caf\xC3 ok", ArticleFormat::txt, "bad.txt"); });
        CHECK_THAT(message, Contains("bad.txt") && Contains("UTF-8") && Contains("byte 3"));
    }
    SECTION("a Latin-1 byte later on") {
        const auto message =
            input_error([] { parse("Title\nGr\xFC\xDF Gott", ArticleFormat::txt, "bad.txt"); });
        CHECK_THAT(message, Contains("bad.txt") && Contains("byte 8"));
    }
    SECTION("after a byte-order mark, the offset still counts from the start of the file") {
        const auto message =
            input_error([] { parse("\xEF\xBB\xBFTitle\n\xFF", ArticleFormat::txt, "bad.txt"); });
        CHECK_THAT(message, Contains("bad.txt") && Contains("byte 9"));
    }
}

TEST_CASE("a UTF-8 byte-order mark is stripped", "[reader]") {
    SECTION("text") {
        const auto article = parse("\xEF\xBB\xBFMinsk talks\nThe talks went on all night.",
                                   ArticleFormat::txt, "a.txt");
        CHECK(article.title == "Minsk talks");
        CHECK(article.text == "The talks went on all night.");
    }
    SECTION("JSON") {
        const auto article =
            parse("\xEF\xBB\xBF{\"text\": \"The talks went on all night.\"}", ArticleFormat::json);
        CHECK(article.text == "The talks went on all night.");
    }
}

TEST_CASE("text is normalised to NFC", "[reader]") {
    SECTION("raw combining accent") {
        const auto article = parse("Title\nElyse\xCC\x81"
                                   "e Palace",
                                   ArticleFormat::txt, "a.txt");
        CHECK(article.text == "Elys\xC3\xA9"
                              "e Palace");
    }
    SECTION("combining accent written as a JSON escape") {
        const auto article = parse(R"({"text": "Elyse\u0301e Palace"})", ArticleFormat::json);
        CHECK(article.text == "Elys\xC3\xA9"
                              "e Palace");
    }
}

TEST_CASE("an empty file is refused", "[reader]") {
    const auto message = input_error([] { parse("", ArticleFormat::txt, "empty.txt"); });
    CHECK_THAT(message, Contains("empty.txt") && Contains("empty"));
}

TEST_CASE("a file of white space only is refused with a clear message", "[reader]") {
    SECTION("ASCII white space") {
        const auto message =
            input_error([] { parse(" \n\t\r\n  ", ArticleFormat::txt, "blank.txt"); });
        CHECK_THAT(message, Contains("blank.txt") && Contains("white space"));
    }
    SECTION("Unicode white space") {
        // No-break spaces and an ideographic space.
        const auto message = input_error(
            [] { parse("\xC2\xA0\xC2\xA0\n\xE3\x80\x80\n", ArticleFormat::txt, "blank.txt"); });
        CHECK_THAT(message, Contains("blank.txt") && Contains("white space"));
    }
}

TEST_CASE("file formats follow the extension or the --format name", "[reader]") {
    CHECK(format_from_path("a/b.json") == ArticleFormat::json);
    CHECK(format_from_path("b.JSONL") == ArticleFormat::jsonl);
    CHECK(format_from_path("b.txt") == ArticleFormat::txt);
    CHECK(format_from_path("b.htm") == ArticleFormat::html);
    CHECK_FALSE(format_from_path("b.png"));
    CHECK_FALSE(format_from_path("README"));
    CHECK(format_from_name("ndjson") == ArticleFormat::jsonl);
    CHECK_FALSE(format_from_name("pdf"));
}

TEST_CASE("read_file names a missing file and a directory", "[reader]") {
    CHECK_THAT(input_error([] { read_file("/nonexistent/diplograph/x.json"); }),
               Contains("/nonexistent/diplograph/x.json") && Contains("no such file"));
    CHECK_THAT(input_error([] { read_file(DIPLOGRAPH_SAMPLES_DIR); }), Contains("directory"));
}
