// Shared test helpers.
#include "helpers.hpp"

#include "common/date.hpp"

#include <sys/wait.h>

#include <fstream>
#include <random>
#include <sstream>

namespace diplograph::test {

const Lexicon &lexicon() {
    static const Lexicon lex = load_lexicon(default_lexicon_dir(), DIPLOGRAPH_ISO_CODES);
    return lex;
}

Article article(const std::string &text, const std::string &date) {
    Article a;
    a.text = text;
    a.published = parse_iso_date(date);
    a.origin = "test";
    return a;
}

Extracted run(const std::string &text, const std::string &date) {
    Extracted e;
    e.article = article(text, date);
    e.x = extract(e.article, lexicon());
    return e;
}

std::vector<std::string> Extracted::actor_names() const {
    std::vector<std::string> names;
    for (const auto &m : x.mentions) {
        names.push_back(x.actors[m.actor].name);
    }
    return names;
}

bool Extracted::mentions(const std::string &name) const {
    for (const auto &m : x.mentions) {
        if (x.actors[m.actor].name == name) {
            return true;
        }
    }
    return false;
}

std::string Extracted::actor_of(const std::string &surface) const {
    for (const auto &m : x.mentions) {
        const auto &doc = x.doc;
        if (doc.span_text(doc.tokens[m.first].begin, doc.tokens[m.last - 1].end) == surface) {
            return x.actors[m.actor].name;
        }
    }
    return "";
}

std::string sample_path(const std::string &name) {
    return std::string(DIPLOGRAPH_SAMPLES_DIR) + "/" + name;
}

TempDir::TempDir() {
    std::random_device device;
    path = std::filesystem::temp_directory_path() / ("diplograph-test-" + std::to_string(device()));
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

void TempDir::write(const std::string &name, const std::string &bytes) const {
    std::ofstream out(path / name, std::ios::binary);
    out << bytes;
}

namespace {

std::string slurp(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

} // namespace

CommandResult run_command(const std::string &arguments, const std::string &stdin_text) {
    const TempDir dir;
    dir.write("stdin", stdin_text);
    const std::string command = std::string(DIPLOGRAPH_BINARY) + " " + arguments + " <" +
                                dir.file("stdin") + " >" + dir.file("stdout") + " 2>" +
                                dir.file("stderr");
    const int raw = std::system(command.c_str());
    CommandResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = slurp(dir.path / "stdout");
    result.err = slurp(dir.path / "stderr");
    return result;
}

} // namespace diplograph::test
