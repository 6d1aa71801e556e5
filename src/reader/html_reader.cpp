// Saved news pages: title and date from the head, the article body without page furniture.
#include "common/errors.hpp"
#include "common/text.hpp"
#include "reader/reader.hpp"

#include <fmt/format.h>
#include <gumbo.h>

#include <array>
#include <memory>
#include <string>

namespace diplograph {

namespace {

using GumboPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput *)>;

/// Elements nested deeper than this are skipped: the walks recurse, and no news page nests
/// its text hundreds of levels deep (a hostile one could exhaust the stack).
constexpr int max_html_depth = 256;

const char *attribute(const GumboNode *node, const char *name) {
    const GumboAttribute *attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr != nullptr ? attr->value : nullptr;
}

/// Elements whose text is never article body.
bool is_furniture_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

/// Class or id words that mark share bars, captions, related links and the like.
bool is_furniture_class(const GumboNode *node) {
    static constexpr std::array<std::string_view, 14> words = {
        "share",  "social", "related", "caption",    "byline", "newsletter", "promo",
        "advert", "cookie", "comment", "breadcrumb", "menu",   "sidebar",    "read-more"};
    for (const char *name : {"class", "id", "role"}) {
        const char *value = attribute(node, name);
        if (value == nullptr) {
            continue;
        }
        const std::string lower = to_lower(value);
        for (const auto word : words) {
            if (lower.find(word) != std::string::npos) {
                return true;
            }
        }
        if (std::string_view(name) == "role" && (lower == "navigation" || lower == "banner")) {
            return true;
        }
    }
    return false;
}

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_TR:
        return true;
    default:
        return false;
    }
}

void append_text(std::string &out, std::string_view text) {
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
                out += ' ';
            }
        } else {
            out += c;
        }
    }
}

void end_block(std::string &out) {
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    if (!out.empty() && !out.ends_with("\n\n")) {
        out += out.back() == '\n' ? "\n" : "\n\n";
    }
}

void collect_text(const GumboNode *node, std::string &out, int depth = 0) {
    if (depth > max_html_depth) {
        return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
        append_text(out, node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) {
        return;
    }
    const GumboTag tag = node->v.element.tag;
    if (is_furniture_tag(tag) || is_furniture_class(node)) {
        return;
    }
    const bool block = is_block(tag);
    if (block) {
        end_block(out);
    }
    const GumboVector &children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        collect_text(static_cast<const GumboNode *>(children.data[i]), out, depth + 1);
    }
    if (block) {
        end_block(out);
    }
}

const GumboNode *find_first(const GumboNode *node, GumboTag tag, int depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > max_html_depth) {
        return nullptr;
    }
    if (node->v.element.tag == tag) {
        return node;
    }
    const GumboVector &children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        if (const auto *found =
                find_first(static_cast<const GumboNode *>(children.data[i]), tag, depth + 1)) {
            return found;
        }
    }
    return nullptr;
}

struct HeadInfo {
    std::string title;
    std::string og_title;
    std::string published;
};

/// Meta tags that news sites use for the publication date, most specific first.
bool is_date_meta(std::string_view key) {
    static constexpr std::array<std::string_view, 8> keys = {"article:published_time",
                                                             "og:published_time",
                                                             "datepublished",
                                                             "date",
                                                             "pubdate",
                                                             "publishdate",
                                                             "dc.date.issued",
                                                             "dcterms.created"};
    const std::string lower = to_lower(key);
    for (const auto k : keys) {
        if (lower == k) {
            return true;
        }
    }
    return false;
}

void read_head(const GumboNode *node, HeadInfo &info, int depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > max_html_depth) {
        return;
    }
    const GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TITLE && info.title.empty()) {
        collect_text(node, info.title);
    } else if (tag == GUMBO_TAG_META) {
        const char *key = attribute(node, "property");
        key = key != nullptr ? key : attribute(node, "name");
        key = key != nullptr ? key : attribute(node, "itemprop");
        const char *content = attribute(node, "content");
        if (key != nullptr && content != nullptr) {
            if (std::string_view(key) == "og:title") {
                info.og_title = content;
            } else if (info.published.empty() && is_date_meta(key)) {
                info.published = content;
            }
        }
    } else if (tag == GUMBO_TAG_TIME && info.published.empty()) {
        if (const char *when = attribute(node, "datetime")) {
            info.published = when;
        }
    }
    const GumboVector &children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        read_head(static_cast<const GumboNode *>(children.data[i]), info, depth + 1);
    }
}

} // namespace

Article parse_html(std::string_view html, std::string_view origin) {
    // No parse errors kept: gumbo copies the stack of open elements into each one, so deeply
    // nested broken markup took memory quadratic in its depth (60 KB of <div>: over 1 GB).
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;
        return o;
    }();
    const GumboPtr output(gumbo_parse_with_options(&options, html.data(), html.size()),
                          [](GumboOutput *out) { gumbo_destroy_output(&options, out); });
    if (!output) {
        throw InputError(fmt::format("cannot read {}: unparseable HTML", origin));
    }
    HeadInfo info;
    read_head(output->root, info);

    // The <article> element when the page has one, else the whole <body>.
    const GumboNode *body = find_first(output->root, GUMBO_TAG_ARTICLE);
    body = body != nullptr ? body : find_first(output->root, GUMBO_TAG_BODY);
    Article article;
    if (body != nullptr) {
        collect_text(body, article.text);
    }
    article.title = std::string(trim(info.og_title.empty() ? info.title : info.og_title));
    const auto published = trim(info.published);
    if (published.size() >= 10) {
        article.published = parse_iso_date(published.substr(0, 10));
    }
    return article;
}

} // namespace diplograph
