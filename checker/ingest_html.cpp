// HTML to text for ingestion: one iterative pass over the markup. Nothing here
// keeps an element stack, so nesting depth costs nothing and unclosed or
// malformed tags degrade to text, never to a crash. Not a conforming HTML5
// parser: it keeps what an article reader needs (paragraphs, headline, dates).
#include <algorithm>
#include <array>
#include <vector>
#include <cctype>
#include <cstring>

#include "checker/ingest.hpp"
#include "checker/utf8.hpp"

namespace factline {

namespace {

struct NamedEntity {
    std::string_view name;
    char32_t code_point;
};

// The named references news pages use. nbsp and the spaces decode to U+0020 so
// that whitespace folding treats them as spaces; soft hyphen, joiners and
// direction marks decode to nothing (code point 0 means "drop").
constexpr NamedEntity named_entities[] = {
    {"AElig", 0xC6},   {"Aacute", 0xC1}, {"Agrave", 0xC0}, {"Auml", 0xC4},   {"Ccedil", 0xC7}, {"Dagger", 0x2021},
    {"Eacute", 0xC9},  {"Egrave", 0xC8}, {"Iacute", 0xCD}, {"Ntilde", 0xD1}, {"Oacute", 0xD3}, {"Ouml", 0xD6},
    {"Prime", 0x2033}, {"Scaron", 0x160}, {"Uacute", 0xDA}, {"Uuml", 0xDC},   {"aacute", 0xE1}, {"acirc", 0xE2},
    {"acute", 0xB4},   {"aelig", 0xE6},  {"agrave", 0xE0}, {"amp", '&'},     {"apos", '\''},   {"aring", 0xE5},
    {"atilde", 0xE3},  {"auml", 0xE4},   {"bdquo", 0x201E}, {"brvbar", 0xA6}, {"bull", 0x2022}, {"ccedil", 0xE7},
    {"cedil", 0xB8},   {"cent", 0xA2},   {"copy", 0xA9},   {"dagger", 0x2020}, {"deg", 0xB0},  {"divide", 0xF7},
    {"eacute", 0xE9},  {"ecirc", 0xEA},  {"egrave", 0xE8}, {"emsp", ' '},    {"ensp", ' '},    {"euml", 0xEB},
    {"euro", 0x20AC},  {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE}, {"gt", '>'},      {"hellip", 0x2026},
    {"iacute", 0xED},  {"icirc", 0xEE},  {"iexcl", 0xA1},  {"igrave", 0xEC}, {"iquest", 0xBF}, {"iuml", 0xEF},
    {"laquo", 0xAB},   {"ldquo", 0x201C}, {"lrm", 0},      {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", '<'},
    {"macr", 0xAF},    {"mdash", 0x2014}, {"micro", 0xB5}, {"middot", 0xB7}, {"minus", 0x2212}, {"nbsp", ' '},
    {"ndash", 0x2013}, {"not", 0xAC},    {"ntilde", 0xF1}, {"oacute", 0xF3}, {"ocirc", 0xF4},  {"ograve", 0xF2},
    {"ordf", 0xAA},    {"ordm", 0xBA},   {"oslash", 0xF8}, {"otilde", 0xF5}, {"ouml", 0xF6},   {"para", 0xB6},
    {"permil", 0x2030}, {"plusmn", 0xB1}, {"pound", 0xA3}, {"prime", 0x2032}, {"quot", '"'},   {"raquo", 0xBB},
    {"rdquo", 0x201D}, {"reg", 0xAE},    {"rlm", 0},       {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"scaron", 0x161}, {"sect", 0xA7},   {"shy", 0},       {"sup1", 0xB9},   {"sup2", 0xB2},   {"sup3", 0xB3},
    {"szlig", 0xDF},   {"thinsp", ' '},  {"times", 0xD7},  {"trade", 0x2122}, {"uacute", 0xFA}, {"ucirc", 0xFB},
    {"ugrave", 0xF9},  {"uml", 0xA8},    {"uuml", 0xFC},   {"yen", 0xA5},    {"zwj", 0},       {"zwnj", 0},
    {"yacute", 0xFD},
};

// Numeric references 128-159 name Windows-1252 characters in practice (HTML5 §13.2.5.80).
constexpr std::array<char32_t, 32> windows_1252{
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals_at(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - std::min(at, text.size()) < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (lower(text[at + k]) != word[k]) return false;
    }
    return true;
}

/// Position of `word` (lower case) at or after `from`, case-insensitive; npos if absent.
std::size_t ifind(std::string_view text, std::string_view word, std::size_t from) {
    for (std::size_t k = from; k + word.size() <= text.size(); ++k) {
        if (lower(text[k]) == word[0] && iequals_at(text, k, word)) return k;
    }
    return std::string_view::npos;
}

/// Decodes the reference starting at text[i] == '&'; appends it and advances
/// i. An unknown or unterminated reference stays literal text.
void decode_reference(std::string_view text, std::size_t& i, std::string& out) {
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
        ++j;
        const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
        if (hex) ++j;
        const std::size_t digits_begin = j;
        char32_t value = 0;
        while (j < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[j]))
                                       : std::isdigit(static_cast<unsigned char>(text[j])))) {
            const char c = lower(text[j]);
            if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + static_cast<char32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
            ++j;
        }
        if (j == digits_begin) {
            out += '&';
            ++i;
            return;
        }
        if (j < text.size() && text[j] == ';') ++j;
        if (value >= 0x80 && value <= 0x9F) value = windows_1252[value - 0x80];
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
        append_utf8(out, value);
        i = j;
        return;
    }
    while (j < text.size() && j - i <= 8 && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
    if (j < text.size() && text[j] == ';') {
        const std::string_view name = text.substr(i + 1, j - i - 1);
        const auto* it = std::find_if(std::begin(named_entities), std::end(named_entities),
                                      [&](const NamedEntity& e) { return e.name == name; });
        if (it != std::end(named_entities)) {
            if (it->code_point != 0) append_utf8(out, it->code_point);
            i = j + 1;
            return;
        }
    }
    out += '&';
    ++i;
}

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            decode_reference(text, i, out);
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (is_space(c)) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements whose start and end separate paragraphs.
bool is_block(std::string_view name) {
    return in_list(name, {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                          "header", "footer", "blockquote", "figure", "figcaption", "ul", "ol", "dl", "dt", "dd",
                          "table", "thead", "tbody", "tfoot", "caption", "main", "aside", "pre", "hr", "address",
                          "fieldset", "legend", "details", "summary", "center", "body", "form", "hgroup"});
}

// Elements whose whole content is not reading text (markup inside is skipped too).
bool is_dropped(std::string_view name) {
    return in_list(name, {"noscript", "template", "svg", "math", "iframe", "object", "canvas", "audio", "video",
                          "select", "datalist", "nav"});
}

// Elements whose content is raw text up to their end tag.
bool is_raw_text(std::string_view name) { return name == "script" || name == "style"; }

/// One tag: its lower-case name, whether it closes, and its attribute text.
struct Tag {
    std::string name;
    bool closing = false;
    bool self_closing = false;
    std::string_view attributes;
};

/// Reads the tag at html[i] == '<' (a letter or '/' follows); advances i past '>'.
/// Once a quote ran to the end of the input, `quotes_unreliable` makes later
/// tags end at their first '>', which keeps malformed pages linear.
Tag read_tag(std::string_view html, std::size_t& i, bool& quotes_unreliable) {
    Tag tag;
    std::size_t j = i + 1;
    if (html[j] == '/') {
        tag.closing = true;
        ++j;
    }
    while (j < html.size() && !is_space(html[j]) && html[j] != '>' && html[j] != '/') {
        if (tag.name.size() < 32) tag.name += lower(html[j]);
        ++j;
    }
    const std::size_t attributes_begin = j;
    // Quoted values may hold '>'; an unterminated quote falls back to the first '>'.
    char quote = 0;
    bool after_equals = false;
    std::size_t k = j;
    for (; k < html.size() && !quotes_unreliable; ++k) {
        const char c = html[k];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '>') {
            break;
        } else if (c == '=') {
            after_equals = true;
        } else if ((c == '"' || c == '\'') && after_equals) {
            quote = c;
            after_equals = false;
        } else if (!is_space(c)) {
            after_equals = false;
        }
    }
    if (k >= html.size() || quotes_unreliable) {
        quotes_unreliable = true;
        k = html.find('>', j);
        if (k == std::string_view::npos) k = html.size();
    }
    tag.attributes = html.substr(attributes_begin, k - attributes_begin);
    tag.self_closing = !tag.attributes.empty() && tag.attributes.back() == '/';
    i = std::min(k + 1, html.size());
    return tag;
}

/// The decoded value of attribute `name` (lower case) in `attributes`, or "".
std::string attribute(std::string_view attributes, std::string_view name) {
    std::size_t i = 0;
    while (i < attributes.size()) {
        while (i < attributes.size() && (is_space(attributes[i]) || attributes[i] == '/')) ++i;
        const std::size_t name_begin = i;
        while (i < attributes.size() && !is_space(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
        const std::string_view key = attributes.substr(name_begin, i - name_begin);
        while (i < attributes.size() && is_space(attributes[i])) ++i;
        std::string_view value;
        if (i < attributes.size() && attributes[i] == '=') {
            ++i;
            while (i < attributes.size() && is_space(attributes[i])) ++i;
            if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
                const char quote = attributes[i++];
                const std::size_t end = std::min(attributes.find(quote, i), attributes.size());
                value = attributes.substr(i, end - i);
                i = end + 1;
            } else {
                const std::size_t begin = i;
                while (i < attributes.size() && !is_space(attributes[i])) ++i;
                value = attributes.substr(begin, i - begin);
            }
        }
        if (key.size() == name.size() && iequals_at(key, 0, name)) return collapse_spaces(decode_entities(value));
        if (key.empty() && i == name_begin) ++i;  // never stall on odd characters
    }
    return {};
}

/// Builds the text: folds whitespace and turns requested breaks into "\n" or "\n\n".
class TextSink {
public:
    void text(std::string_view chunk) {
        for (char c : chunk) {
            if (is_space(c)) {
                if (c == '\n' && preformatted_ > 0) {
                    request_break(1);
                } else {
                    space_ = true;
                }
                continue;
            }
            if (!out_.empty()) {
                if (break_ > 0) {
                    out_ += break_ == 2 ? "\n\n" : "\n";
                } else if (space_ && out_.back() != '\n') {
                    out_ += ' ';
                }
            }
            break_ = 0;
            space_ = false;
            out_ += c;
        }
    }
    void request_break(int kind) { break_ = std::max(break_, kind); }
    void line_break() { break_ = std::min(2, break_ + 1); }
    void space() { space_ = true; }
    void enter_preformatted() { ++preformatted_; }
    void leave_preformatted() { preformatted_ = std::max(0, preformatted_ - 1); }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    int break_ = 0;
    bool space_ = false;
    int preformatted_ = 0;
};

class HtmlScanner {
public:
    explicit HtmlScanner(std::string_view html) : html_(html) {}

    HtmlPage run() {
        std::size_t i = 0;
        while (i < html_.size()) {
            const std::size_t stop = html_.find_first_of(dropping_ > 0 ? "<" : "<&", i);
            const std::size_t end = stop == std::string_view::npos ? html_.size() : stop;
            if (dropping_ == 0 && end > i) sink_.text(html_.substr(i, end - i));
            i = end;
            if (i < html_.size()) {
                if (html_[i] == '&') {
                    std::string decoded;
                    decode_reference(html_, i, decoded);
                    sink_.text(decoded);
                } else {
                    markup(i);
                }
            }
            if (i >= html_.size() && dropping_ > 0) {
                // An element to drop never closed (as browsers allow for some):
                // keep its content after all, rather than lose the rest of the page.
                kept_.push_back(dropped_name_);
                i = drop_content_begin_;
                dropping_ = 0;
                dropped_name_.clear();
            }
        }
        HtmlPage page;
        std::string body = sink_.take();
        page.text = title_.empty() ? std::move(body) : title_ + "\n\n" + body;
        if (!page.text.empty()) page.text += '\n';
        page.meta = std::move(meta_);
        return page;
    }

private:
    /// Handles the markup at html_[i] == '<' and advances i past it.
    void markup(std::size_t& i) {
        if (html_.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html_.find("-->", i + 4);
            i = end == std::string_view::npos ? html_.size() : end + 3;
            return;
        }
        const char next = i + 1 < html_.size() ? html_[i + 1] : '\0';
        if (next == '!' || next == '?') {  // doctype, CDATA, processing instruction
            const std::size_t end = html_.find('>', i);
            i = end == std::string_view::npos ? html_.size() : end + 1;
            return;
        }
        if (!is_alpha(next) && !(next == '/' && i + 2 < html_.size() && is_alpha(html_[i + 2]))) {
            if (dropping_ == 0) sink_.text("<");
            ++i;
            return;
        }
        const Tag tag = read_tag(html_, i, quotes_unreliable_);
        if (!tag.closing && is_raw_text(tag.name)) {
            skip_raw_text(tag.name, i);
            return;
        }
        if (!tag.closing && tag.name == "title") {
            const std::size_t begin = i;
            const std::size_t end = skip_raw_text(tag.name, i);
            if (title_.empty() && dropping_ == 0) title_ = collapse_spaces(decode_entities(html_.substr(begin, end - begin)));
            return;
        }
        if (!tag.closing && (tag.name == "meta" || tag.name == "link")) read_meta(tag);
        if (dropping_ > 0) {
            track_dropped(tag);
            return;
        }
        if (!tag.closing && !tag.self_closing && is_dropped(tag.name) &&
            std::find(kept_.begin(), kept_.end(), tag.name) == kept_.end()) {
            dropped_name_ = tag.name;
            dropping_ = 1;
            drop_content_begin_ = i;
            return;
        }
        if (tag.name == "br") {
            sink_.line_break();
        } else if (tag.name == "td" || tag.name == "th" || tag.name == "img") {
            sink_.space();
        } else if (is_block(tag.name)) {
            sink_.request_break(2);
        }
        if (tag.name == "pre") tag.closing ? sink_.leave_preformatted() : sink_.enter_preformatted();
    }

    /// Inside a dropped element only its own nesting matters.
    void track_dropped(const Tag& tag) {
        if (tag.name != dropped_name_ || tag.self_closing) return;
        if (!tag.closing) {
            ++dropping_;
        } else if (--dropping_ == 0) {
            dropped_name_.clear();
        }
    }

    /// Moves i past the end tag `</name ...>` (or to the end of the input);
    /// returns where the raw content ends.
    std::size_t skip_raw_text(const std::string& name, std::size_t& i) const {
        const std::string end_tag = "</" + name;
        std::size_t at = ifind(html_, end_tag, i);
        while (at != std::string_view::npos) {
            const std::size_t after = at + end_tag.size();
            if (after >= html_.size() || is_space(html_[after]) || html_[after] == '>' || html_[after] == '/') break;
            at = ifind(html_, end_tag, at + 1);
        }
        if (at == std::string_view::npos) {
            i = html_.size();
            return html_.size();
        }
        const std::size_t close = html_.find('>', at);
        i = close == std::string_view::npos ? html_.size() : close + 1;
        return at;
    }

    void read_meta(const Tag& tag) {
        if (tag.name == "link") {
            if (meta_.url.empty() && attribute(tag.attributes, "rel") == "canonical") {
                meta_.url = attribute(tag.attributes, "href");
            }
            return;
        }
        std::string key = attribute(tag.attributes, "property");
        if (key.empty()) key = attribute(tag.attributes, "name");
        if (key.empty()) key = attribute(tag.attributes, "itemprop");
        std::transform(key.begin(), key.end(), key.begin(), lower);
        const std::string content = attribute(tag.attributes, "content");
        if (content.empty()) return;
        if (key == "og:url" && meta_.url.empty()) {
            meta_.url = content;
        } else if (key == "og:site_name" && meta_.outlet.empty()) {
            meta_.outlet = content;
        } else if ((key == "article:published_time" || key == "datepublished") && !meta_.published &&
                   content.size() >= 10) {
            // The date part is the publisher's local date, the one its text refers to.
            meta_.published = parse_iso(std::string_view(content).substr(0, 10));
        }
    }

    std::string_view html_;
    TextSink sink_;
    std::string title_;
    SourceMeta meta_;
    std::string dropped_name_;
    int dropping_ = 0;
    std::size_t drop_content_begin_ = 0;
    bool quotes_unreliable_ = false;
    std::vector<std::string> kept_;  // dropped elements found unclosed: kept as text from then on
};

}  // namespace

bool looks_like_html(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    return iequals_at(text, i, "<!doctype html") || iequals_at(text, i, "<html");
}

HtmlPage read_html_page(std::string_view html) { return HtmlScanner(html).run(); }

std::string html_to_text(std::string_view html) { return read_html_page(html).text; }

}  // namespace factline
