#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <unistd.h>

#include "checker/ingest.hpp"
#include "tests/checker/ingest_fixture.hpp"

namespace factline {
namespace {

namespace fs = std::filesystem;
using testing::IngestFolder;

std::vector<std::string> paths_of(const Corpus& corpus) {
    std::vector<std::string> out;
    for (const auto& d : corpus.documents) out.push_back(d.path);
    return out;
}

std::string reason_for(const Corpus& corpus, const std::string& path) {
    for (const auto& s : corpus.skipped) {
        if (s.path == path) return s.reason;
    }
    return "<not skipped>";
}

const Document* document(const Corpus& corpus, const std::string& path) {
    for (const auto& d : corpus.documents) {
        if (d.path == path) return &d;
    }
    return nullptr;
}

Corpus ingest_paths(const std::vector<std::string>& paths, const IngestOptions& options = {}) {
    std::istringstream no_stdin;
    return ingest(paths, options, no_stdin);
}

/// A small corpus with every kind of entry a walk meets.
void write_corpus(const IngestFolder& dir) {
    dir.write("b.txt", "Second article.\n");
    dir.write("a.txt", "First article.\n");
    dir.write("sub/c.md", "Nested article.\n");
    dir.write("README", "No extension is an article too.\n");
    dir.write("sources.toml", "[[source]]\npath = \"a.txt\"\noutlet = \"Sidecar\"\npublished = \"2023-01-05\"\n"
                              "[[source]]\npath = \"sub/c.md\"\nurl = \"https://x/c\"\n");
    dir.write("photo.png", "\x89PNG\r\n");
    dir.write("notes.toml", "x = 1\n");
    dir.write(".hidden.txt", "dot file\n");
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write("empty.txt", "");
    dir.write("blank.txt", " \n\t\r\n");
    dir.write("page.html", "<html><head><title>Page title</title></head><body><p>Para.</p></body></html>");
    dir.write("feed.jsonl", "{\"id\":\"r1\",\"text\":\"Record one.\"}\n");
}

TEST(IngestWalk, SortedDeterministicAndComplete) {
    IngestFolder dir;
    write_corpus(dir);
    const std::string root = dir.str();
    const Corpus corpus = ingest_paths({root});
    EXPECT_EQ(paths_of(corpus), (std::vector<std::string>{root + "/README", root + "/a.txt", root + "/b.txt",
                                                          "r1", root + "/page.html", root + "/sub/c.md"}));
    EXPECT_EQ(reason_for(corpus, root + "/photo.png"), "not a text article (extension .png)");
    EXPECT_EQ(reason_for(corpus, root + "/notes.toml"), "not a text article (extension .toml)");
    EXPECT_EQ(reason_for(corpus, root + "/.hidden.txt"), "hidden file");
    EXPECT_EQ(reason_for(corpus, root + "/empty.txt"), "empty file");
    EXPECT_EQ(reason_for(corpus, root + "/blank.txt"), "empty file");
    EXPECT_EQ(reason_for(corpus, root + "/sources.toml"), "<not skipped>");  // metadata, not an article
    EXPECT_EQ(corpus.skipped.size(), 5u);  // nothing from .git
    EXPECT_TRUE(corpus.diagnostics.items().empty()) << format_diagnostic(corpus.diagnostics.items().front());
    const Document* page = document(corpus, root + "/page.html");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->format, DocumentFormat::html);
    EXPECT_EQ(page->text, "Page title\n\nPara.\n");
}

TEST(IngestWalk, SidecarMetadataApplies) {
    IngestFolder dir;
    write_corpus(dir);
    const std::string root = dir.str();
    const Corpus corpus = ingest_paths({root + "/"});  // a trailing slash makes no double slash
    const Document* a = document(corpus, root + "/a.txt");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->meta.outlet, "Sidecar");
    ASSERT_TRUE(a->meta.published.has_value());
    EXPECT_EQ(to_iso(*a->meta.published), "2023-01-05");
    const Document* c = document(corpus, root + "/sub/c.md");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->meta.url, "https://x/c");
    EXPECT_FALSE(c->meta.published.has_value());
    const Document* b = document(corpus, root + "/b.txt");
    ASSERT_NE(b, nullptr);
    EXPECT_TRUE(b->meta.outlet.empty());
}

TEST(IngestWalk, ConfigManifestBeatsSidecar) {
    IngestFolder dir;
    write_corpus(dir);
    IngestOptions options;
    options.manifest[manifest_key(dir.path() / "a.txt")] = SourceMeta{"https://config", "Config", std::nullopt};
    const Corpus corpus = ingest_paths({dir.str()}, options);
    const Document* a = document(corpus, dir.str() + "/a.txt");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->meta.outlet, "Config");
    EXPECT_FALSE(a->meta.published.has_value());
}

TEST(IngestWalk, ExplicitFileUsesTheSidecarBesideIt) {
    IngestFolder dir;
    write_corpus(dir);
    const Corpus corpus = ingest_paths({dir.str() + "/a.txt"});
    ASSERT_EQ(corpus.documents.size(), 1u);
    EXPECT_EQ(corpus.documents[0].meta.outlet, "Sidecar");
}

TEST(IngestWalk, SidecarEntryNamingNoFileIsAWarning) {
    IngestFolder dir;
    dir.write("a.txt", "text\n");
    dir.write("sources.toml", "[[source]]\npath = \"a.txt\"\n\n[[source]]\npath = \"a.txtt\"\n");
    const Corpus corpus = ingest_paths({dir.str()});
    ASSERT_EQ(corpus.diagnostics.items().size(), 1u);
    const Diagnostic& d = corpus.diagnostics.items()[0];
    EXPECT_EQ(d.id, "source.no-file");
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.line, 4u);
}

TEST(IngestWalk, BadSidecarIsAnErrorAndFilesStillRead) {
    IngestFolder dir;
    dir.write("a.txt", "text\n");
    dir.write("sources.toml", "[[source]]\npath = \"a.txt\"\npublished = \"soon\"\n");
    const Corpus corpus = ingest_paths({dir.str()});
    EXPECT_EQ(corpus.documents.size(), 1u);
    ASSERT_TRUE(corpus.diagnostics.has_errors());
    EXPECT_EQ(corpus.diagnostics.items()[0].line, 3u);
}

// A walked folder's sidecars are read while its files are: what they say must
// still reach the documents, and their messages must still come first.
TEST(IngestWalk, SidecarMessagesComeBeforeTheFilesMessages) {
    IngestFolder dir;
    dir.write("a.txt", "text\n");
    dir.write("bad.txt", "ok\nbad \xFF\n");
    dir.write("sources.toml", "[[source]]\npath = \"a.txt\"\npublished = \"soon\"\n");
    for (const int jobs : {1, 2}) {  // read after the files, or beside them on another thread
        IngestOptions options;
        options.jobs = jobs;
        const Corpus corpus = ingest_paths({dir.str()}, options);
        const auto& items = corpus.diagnostics.items();
        ASSERT_EQ(items.size(), 2u);
        EXPECT_EQ(items[0].path, dir.str() + "/sources.toml");
        EXPECT_EQ(items[0].line, 3u);
        EXPECT_EQ(items[1].path, dir.str() + "/bad.txt");
    }
}

TEST(IngestWalk, DeeperSidecarsWinAndSidecarsBeatThePagesOwnTags) {
    IngestFolder dir;
    dir.write("sources.toml", "[[source]]\npath = \"x/b.txt\"\noutlet = \"First\"\n"
                              "[[source]]\npath = \"x/page.html\"\noutlet = \"Sidecar\"\n");
    dir.write("x/sources.toml", "[[source]]\npath = \"b.txt\"\noutlet = \"Deeper\"\n");
    dir.write("x/b.txt", "text\n");
    dir.write("x/page.html", "<html><head><meta property=\"og:site_name\" content=\"Page\">"
                             "<title>T</title></head><body><p>Para.</p></body></html>");
    dir.write("x/other.html", "<html><head><meta property=\"og:site_name\" content=\"Page\">"
                              "<title>T</title></head><body><p>Para.</p></body></html>");
    for (const int jobs : {1, 2}) {
        IngestOptions options;
        options.jobs = jobs;
        const Corpus corpus = ingest_paths({dir.str()}, options);
        EXPECT_TRUE(corpus.diagnostics.items().empty());
        const Document* b = document(corpus, dir.str() + "/x/b.txt");
        const Document* page = document(corpus, dir.str() + "/x/page.html");
        const Document* other = document(corpus, dir.str() + "/x/other.html");
        ASSERT_TRUE(b != nullptr && page != nullptr && other != nullptr);
        EXPECT_EQ(b->meta.outlet, "Deeper");
        EXPECT_EQ(page->meta.outlet, "Sidecar");
        EXPECT_EQ(other->meta.outlet, "Page");
    }
}

/// Everything a corpus says, in order, for comparing two readings.
std::vector<std::string> summary_of(const Corpus& corpus) {
    std::vector<std::string> out;
    for (const auto& d : corpus.documents) {
        out.push_back(d.path + " | " + d.text + " | " + d.meta.outlet + " | " + d.meta.url);  // a page's text tells it
    }
    for (const auto& s : corpus.skipped) out.push_back("skipped " + s.path + ": " + s.reason);
    for (const auto& d : corpus.diagnostics.items()) out.push_back(format_diagnostic(d));
    return out;
}

// The walk reads files on all threads, a window of them ahead of the one
// added next: more files than the window, of every kind, must give the same
// corpus (order, skips and their reasons, messages) for any number of threads.
TEST(IngestWalk, ThreadedReadingGivesTheSameCorpusForAnyJobs) {
    IngestFolder dir;
    write_corpus(dir);
    std::string sidecar;
    for (int i = 0; i < 1500; ++i) {
        const std::string name = fmt::format("many/{:04}.{}", i, i % 7 == 0 ? "html" : "txt");
        if (i % 100 == 0) {
            dir.write(name, "");  // empty: skipped with its reason
        } else if (i % 131 == 0) {
            dir.write(name, fmt::format("Article {}\nwith a bad byte \xFF here.\n", i));  // a warning at line:col
        } else if (i % 7 == 0) {
            dir.write(name, fmt::format("<html><head><title>Page {}</title></head><body><p>Para.</p></body></html>", i));
        } else {
            dir.write(name, fmt::format("Article number {}.\n", i));
        }
        if (i % 3 == 0) sidecar += fmt::format("[[source]]\npath = \"{:04}.{}\"\noutlet = \"Out {}\"\n", i, i % 7 == 0 ? "html" : "txt", i);
    }
    dir.write("many/sources.toml", sidecar);
    dir.write("many/0500.png", "not an article");
    dir.write("many/.hidden.txt", "dot file\n");
    // A link is read as its target (here outside the first folder walked):
    // the walk of the whole folder after it finds a.txt read already.
    fs::create_symlink(dir.path() / "a.txt", dir.path() / "many" / "0001-link.txt");
    const std::vector<std::string> paths = {dir.str() + "/many", dir.str()};
    IngestOptions one;
    one.jobs = 1;
    const auto expected = summary_of(ingest_paths(paths, one));
    ASSERT_GT(expected.size(), 1500u);
    for (const int jobs : {2, 3, 8}) {
        IngestOptions options;
        options.jobs = jobs;
        EXPECT_EQ(summary_of(ingest_paths(paths, options)), expected) << "jobs " << jobs;
    }
    const Corpus corpus = ingest_paths(paths, one);
    EXPECT_EQ(document(corpus, dir.str() + "/a.txt"), nullptr);  // read once, as the link
    EXPECT_EQ(reason_for(corpus, dir.str() + "/many/0100.txt"), "empty file");
    EXPECT_EQ(reason_for(corpus, dir.str() + "/many/0500.png"), "not a text article (extension .png)");
    EXPECT_EQ(reason_for(corpus, dir.str() + "/many/.hidden.txt"), "hidden file");
    const Document* linked = document(corpus, dir.str() + "/many/0001-link.txt");
    ASSERT_NE(linked, nullptr);
    EXPECT_EQ(linked->text, "First article.\n");
    const Document* page = document(corpus, dir.str() + "/many/0021.html");
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->meta.outlet, "Out 21");
    EXPECT_EQ(page->text, "Page 21\n\nPara.\n");  // read as a page
}

// A walked file's manifest key is made from its folder's without asking the
// file system again: the key must be manifest_key()'s however the root is written.
TEST(IngestWalk, SidecarAndConfigMetadataFindFilesHoweverTheRootIsWritten) {
    IngestFolder dir;
    dir.write("corpus/a.txt", "First.\n");
    dir.write("corpus/sub/b.txt", "Second.\n");
    dir.write("corpus/sources.toml", "[[source]]\npath = \"a.txt\"\noutlet = \"Sidecar\"\n");
    fs::create_directory_symlink(dir.path() / "corpus", dir.path() / "linked");
    IngestOptions options;
    options.jobs = 2;
    options.manifest[manifest_key(dir.path() / "corpus" / "sub" / "b.txt")] = SourceMeta{"", "Config", std::nullopt};
    for (const std::string& root : {dir.str() + "/corpus", dir.str() + "/corpus/", dir.str() + "/corpus//",
                                   dir.str() + "/./corpus", dir.str() + "/linked"}) {
        const Corpus corpus = ingest_paths({root}, options);
        ASSERT_EQ(corpus.documents.size(), 2u) << root;
        EXPECT_EQ(corpus.documents[0].meta.outlet, "Sidecar") << root;
        EXPECT_EQ(corpus.documents[1].meta.outlet, "Config") << root;
        EXPECT_TRUE(corpus.diagnostics.items().empty()) << root;
    }
}

// A sidecar entry naming a plain file of the walk takes its key from the
// walk's listing; any other way of writing a path takes manifest_key(): the
// metadata must reach the same files either way, and only entries naming no
// file are warned about.
TEST(IngestWalk, SidecarEntriesFindTheirFilesHoweverTheyAreWritten) {
    IngestFolder dir;
    dir.write("a.txt", "A.\n");
    dir.write("b.txt", "B.\n");
    dir.write("sub/c.txt", "C.\n");
    dir.write("sub/d.txt", "D.\n");
    dir.write("target.txt", "T.\n");
    fs::create_symlink(dir.path() / "target.txt", dir.path() / "sub" / "link.txt");
    dir.write("sources.toml", "[[source]]\npath = \"a.txt\"\noutlet = \"plain\"\n"
                              "[[source]]\npath = \"./b.txt\"\noutlet = \"dot\"\n"
                              "[[source]]\npath = \"sub/../sub/c.txt\"\noutlet = \"dotdot\"\n"
                              "[[source]]\npath = \"sub//d.txt\"\noutlet = \"double slash\"\n"
                              "[[source]]\npath = \"sub/link.txt\"\noutlet = \"link\"\n"
                              "[[source]]\npath = \"sub/missing.txt\"\noutlet = \"none\"\n");
    for (const int jobs : {1, 2}) {
        IngestOptions options;
        options.jobs = jobs;
        const Corpus corpus = ingest_paths({dir.str()}, options);
        const auto outlet = [&](const std::string& relative) {
            const Document* d = document(corpus, dir.str() + "/" + relative);
            return d == nullptr ? std::string("<no document>") : d->meta.outlet;
        };
        EXPECT_EQ(outlet("a.txt"), "plain");
        EXPECT_EQ(outlet("b.txt"), "dot");
        EXPECT_EQ(outlet("sub/c.txt"), "dotdot");
        EXPECT_EQ(outlet("sub/d.txt"), "double slash");
        EXPECT_EQ(outlet("sub/link.txt"), "link");  // read first, as its target's key
        ASSERT_EQ(corpus.diagnostics.items().size(), 1u) << jobs;
        EXPECT_EQ(corpus.diagnostics.items()[0].id, "source.no-file");
        EXPECT_EQ(corpus.diagnostics.items()[0].line, 16u);
    }
}

TEST(IngestPaths, MissingPathIsAnErrorAndListed) {
    const Corpus corpus = ingest_paths({"no/such/file.txt"});
    EXPECT_TRUE(corpus.documents.empty());
    EXPECT_EQ(reason_for(corpus, "no/such/file.txt"), "no such file or directory");
    ASSERT_EQ(corpus.diagnostics.items().size(), 1u);
    const Diagnostic& d = corpus.diagnostics.items()[0];
    EXPECT_EQ(d.id, "input.missing");
    EXPECT_EQ(d.severity, Severity::error);
    EXPECT_EQ(d.path, "no/such/file.txt");
}

TEST(IngestPaths, StdinIsReadAsDash) {
    std::istringstream in("<!doctype html><title>From a pipe</title><p>x</p>");
    const Corpus corpus = ingest({"-"}, IngestOptions{}, in);
    ASSERT_EQ(corpus.documents.size(), 1u);
    EXPECT_EQ(corpus.documents[0].path, "-");
    EXPECT_EQ(corpus.documents[0].format, DocumentFormat::html);
    EXPECT_EQ(corpus.documents[0].text, "From a pipe\n\nx\n");
}

TEST(IngestPaths, StdinJsonLinesAreSniffed) {
    std::istringstream in("{\"id\":\"s1\",\"text\":\"a\"}\n{\"id\":\"s2\",\"text\":\"b\"}\n");
    const Corpus corpus = ingest({"-"}, IngestOptions{}, in);
    EXPECT_EQ(paths_of(corpus), (std::vector<std::string>{"s1", "s2"}));
}

TEST(IngestPaths, ExplicitFileIsReadWhateverItsExtension) {
    IngestFolder dir;
    const auto path = dir.write("article.data", "Plain words.\n").generic_string();
    const Corpus corpus = ingest_paths({path});
    ASSERT_EQ(corpus.documents.size(), 1u);
    EXPECT_EQ(corpus.documents[0].path, path);
    EXPECT_EQ(corpus.documents[0].format, DocumentFormat::text);
}

TEST(IngestPaths, TooLargeIsSkippedWithTheLimit) {
    IngestFolder dir;
    const auto path = dir.write("big.txt", std::string(3 * 1024 * 1024, 'x')).generic_string();
    IngestOptions options;
    options.max_file_bytes = 1024 * 1024;
    const Corpus corpus = ingest_paths({path}, options);
    EXPECT_TRUE(corpus.documents.empty());
    EXPECT_EQ(reason_for(corpus, path), "file too large (3 MiB > limit 1 MiB; raise [input] max_file_mb)");
}

TEST(IngestPaths, UnreadableFileIsSkippedWithTheOsError) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads files without permission";
    IngestFolder dir;
    const auto path = dir.write("locked.txt", "secret\n");
    fs::permissions(path, fs::perms::none);
    const Corpus corpus = ingest_paths({path.generic_string()});
    fs::permissions(path, fs::perms::owner_all);
    EXPECT_EQ(reason_for(corpus, path.generic_string()), "cannot read file: Permission denied");
}

TEST(IngestPaths, SameFileTwiceIsReadOnce) {
    IngestFolder dir;
    dir.write("a.txt", "text\n");
    const Corpus corpus = ingest_paths({dir.str(), dir.str() + "/a.txt", dir.str() + "/./a.txt"});
    EXPECT_EQ(corpus.documents.size(), 1u);
    EXPECT_TRUE(corpus.skipped.empty());
}

TEST(IngestPaths, DecodingHappensPerFile) {
    IngestFolder dir;
    dir.write("utf16.txt", std::string("\xFF\xFE" "K\0y\0i\0v\0\n\0", 12));
    dir.write("bad.txt", "ok\nbad \xFF\n");
    dir.write("nul.txt", std::string("a\0b\0\0\0\x01\x02", 8));
    const Corpus corpus = ingest_paths({dir.str()});
    EXPECT_EQ(paths_of(corpus), (std::vector<std::string>{dir.str() + "/bad.txt", dir.str() + "/utf16.txt"}));
    EXPECT_EQ(corpus.documents[1].text, "Kyiv\n");
    EXPECT_EQ(reason_for(corpus, dir.str() + "/nul.txt"), "binary file (NUL bytes)");
    ASSERT_EQ(corpus.diagnostics.items().size(), 1u);
    EXPECT_EQ(corpus.diagnostics.items()[0].path, dir.str() + "/bad.txt");
    EXPECT_EQ(corpus.diagnostics.items()[0].line, 2u);
    EXPECT_EQ(corpus.diagnostics.items()[0].col, 5u);
}

TEST(IngestShared, DevsetSidecarDates) {
    const fs::path corpus_dir = fs::path(FACTLINE_SHARED_DIR) / "devset" / "corpus";
    if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "no shared devset at " << corpus_dir;
    const Corpus corpus = ingest_paths({corpus_dir.generic_string()});
    EXPECT_TRUE(corpus.skipped.empty());
    EXPECT_FALSE(corpus.diagnostics.has_errors());
    const Document* d010 = document(corpus, corpus_dir.generic_string() + "/d010.txt");
    ASSERT_NE(d010, nullptr);
    ASSERT_TRUE(d010->meta.published.has_value());
    EXPECT_EQ(to_iso(*d010->meta.published), "2023-01-05");
    EXPECT_FALSE(d010->meta.outlet.empty());
}

}  // namespace
}  // namespace factline
