#include <gtest/gtest.h>
#include <string>

#include "checker/ingest.hpp"

namespace factline {
namespace {

struct HtmlCase {
    const char* name;
    std::string html;
    std::string text;
};

const HtmlCase html_cases[] = {
    {"named_entities", "<p>A &amp; B &lt;x&gt; &quot;q&quot; &apos;s &copy; &euro;5 &hellip;</p>",
     "A & B <x> \"q\" 's \xC2\xA9 \xE2\x82\xAC" "5 \xE2\x80\xA6\n"},
    {"quote_and_dash_entities", "<p>&lsquo;a&rsquo; &ldquo;b&rdquo; &ndash; &mdash; &laquo;c&raquo;</p>",
     "\xE2\x80\x98" "a\xE2\x80\x99 \xE2\x80\x9C" "b\xE2\x80\x9D \xE2\x80\x93 \xE2\x80\x94 \xC2\xAB" "c\xC2\xBB\n"},
    {"numeric_entities", "<p>it&#8217;s it&#x2019;s &#X41;&#66 &#150;</p>",
     "it\xE2\x80\x99s it\xE2\x80\x99s AB \xE2\x80\x93\n"},
    {"nbsp_folds_as_space", "<p>Sept.&nbsp;30&nbsp; &nbsp;2022</p>", "Sept. 30 2022\n"},
    {"unknown_and_bare_ampersands_stay", "<p>AT&T &bogus; a & b &#;</p>", "AT&T &bogus; a & b &#;\n"},
    {"invalid_code_points_replaced", "<p>&#0;&#xD800;&#x110000;</p>", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"},
    {"script_and_style_dropped",
     "<style>p{color:red}</style><p>a<script>var s = '<p>no</p>'; if (a < b) {}</script>b</p>"
     "<SCRIPT type=x>gone()</SCRIPT >",
     "ab\n"},
    {"noscript_template_nav_dropped",
     "<nav><a>Home</a> <a>World</a></nav><p>kept</p><noscript><p>enable js</p></noscript>"
     "<template><p>tpl</p></template>",
     "kept\n"},
    {"comments_and_doctype_dropped", "<!DOCTYPE html><!-- <p>hidden</p> --><p>shown</p><?xml x?>", "shown\n"},
    {"blocks_become_paragraphs", "<div>one</div><div>two</div><h2>three</h2>", "one\n\ntwo\n\nthree\n"},
    {"list_items_and_rows", "<ul><li>x</li><li>y</li></ul><table><tr><td>a</td><td>b</td></tr></table>",
     "x\n\ny\n\na b\n"},
    {"br_is_a_line_break", "<p>line one<br>line two<br/><br />line three</p>",
     "line one\nline two\n\nline three\n"},
    {"inline_whitespace_folds", "<p>Hello <b>big</b>\n   <i>wide</i>\tworld</p>", "Hello big wide world\n"},
    {"inline_tags_join_words", "<p>Zapo<span>rizhzhia</span></p>", "Zaporizhzhia\n"},
    {"title_is_the_first_line",
     "<html><head><title>Kremlin &amp; Kherson\n status</title><meta charset=utf-8></head>"
     "<body><p>Body text.</p></body></html>",
     "Kremlin & Kherson status\n\nBody text.\n"},
    {"first_title_only", "<title>One</title><svg><title>icon</title></svg><title>Two</title><p>x</p>", "One\n\nx\n"},
    {"quoted_gt_in_attribute", "<p><a title=\"a>b\" href='x>y'>link</a></p>", "link\n"},
    {"lone_less_than_is_text", "<p>a < b and 3<4</p>", "a < b and 3<4\n"},
    {"pre_keeps_lines", "<pre>a\nb</pre>", "a\nb\n"},
    {"figcaption_own_paragraph", "<figure><img src=x alt=y><figcaption>Photo: AP</figcaption></figure><p>Text</p>",
     "Photo: AP\n\nText\n"},
    {"unclosed_noscript_keeps_the_rest", "<p>a</p><noscript><p>b</p>", "a\n\nb\n"},
    {"unclosed_comment_drops_the_rest", "<p>a</p><!-- <p>b</p>", "a\n"},
    {"unclosed_script_drops_the_rest", "<p>a</p><script>x", "a\n"},
    {"unterminated_quote", "<p>a</p><a href=\"x>b</a><p>c</p>", "a\n\nb\n\nc\n"},
    {"empty_page", "<html><head></head><body></body></html>", ""},
    {"plain_text_passes", "no markup here", "no markup here\n"},
};

class Html : public ::testing::TestWithParam<HtmlCase> {};

TEST_P(Html, Case) { EXPECT_EQ(html_to_text(GetParam().html), GetParam().text); }

INSTANTIATE_TEST_SUITE_P(Ingest, Html, ::testing::ValuesIn(html_cases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(HtmlDepth, TenThousandNestedDivsDoNotRecurse) {
    std::string html;
    for (int i = 0; i < 10000; ++i) html += "<div><span>";
    html += "deep";
    for (int i = 0; i < 10000; ++i) html += "</span></div>";
    EXPECT_EQ(html_to_text(html), "deep\n");
}

TEST(HtmlDepth, NestedDroppedElementsCountTheirDepth) {
    std::string html = "<p>a</p>";
    for (int i = 0; i < 10000; ++i) html += "<noscript>";
    html += "hidden";
    for (int i = 0; i < 10000; ++i) html += "</noscript>";
    html += "<p>b</p>";
    EXPECT_EQ(html_to_text(html), "a\n\nb\n");
}

TEST(HtmlDepth, MalformedPagesStayLinear) {
    // Each of these once made naive scanners quadratic or recursive.
    std::string unclosed_quotes;
    std::string unclosed_tags;
    for (int i = 0; i < 200000; ++i) unclosed_quotes += "<a b=\"x>";
    for (int i = 0; i < 200000; ++i) unclosed_tags += "<noscript><p>";
    // No clock here: a quadratic scan of these 1.6 and 2.6 MB pages is
    // ~10^12 steps and overruns the test's 300 s timeout; linear takes ms.
    EXPECT_EQ(html_to_text(unclosed_quotes), "");
    EXPECT_EQ(html_to_text(unclosed_tags), "");
}

TEST(HtmlMeta, PageMetadata) {
    const HtmlPage page = read_html_page(
        "<head><meta property=\"article:published_time\" content=\"2022-11-11T10:00:00+03:00\">"
        "<meta property='og:site_name' content='Wire &amp; Co'>"
        "<link rel=canonical href=\"https://example.org/a\"><title>T</title></head><p>x</p>");
    EXPECT_EQ(page.text, "T\n\nx\n");
    ASSERT_TRUE(page.meta.published.has_value());
    EXPECT_EQ(to_iso(*page.meta.published), "2022-11-11");
    EXPECT_EQ(page.meta.outlet, "Wire & Co");
    EXPECT_EQ(page.meta.url, "https://example.org/a");
}

TEST(HtmlMeta, BadDateIsIgnored) {
    const HtmlPage page = read_html_page("<meta name=datePublished content=\"yesterday at noon\"><p>x</p>");
    EXPECT_FALSE(page.meta.published.has_value());
}

struct SniffCase {
    const char* text;
    bool html;
};

TEST(LooksLikeHtml, Cases) {
    const SniffCase cases[] = {
        {"<!DOCTYPE html><html>", true}, {"  \n<html lang=en>", true}, {"<HTML>", true},
        {"<!doctype HTML>", true},       {"<p>fragment</p>", false},   {"html is a language", false},
        {"", false},
    };
    for (const auto& c : cases) EXPECT_EQ(looks_like_html(c.text), c.html) << c.text;
}

}  // namespace
}  // namespace factline
