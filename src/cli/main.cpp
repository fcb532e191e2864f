// The kehoach command. Exit codes: 0 ok, 1 findings, 2 bad input or usage (message on stderr).

#include "summary_text.hpp"

#include <kehoach/kehoach.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <string>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 2;

int run(int argc, char** argv) {
    CLI::App app{"kehoach: implementation plans as graphs: schedules and accountability", "kehoach"};
    app.set_version_flag("--version", std::string("kehoach ") + KEHOACH_VERSION);
    app.require_subcommand(1);

    std::string parse_file;
    auto* parse = app.add_subcommand("parse", "Read a plan and print it as normalized plan@1 JSON");
    parse->add_option("FILE", parse_file, "plan@1 JSON file, or - for standard input")->required();

    std::string summary_file;
    auto lang = kehoach::cli::language::vi;
    auto* summary = app.add_subcommand("summary", "Print a plan at a glance: tasks per lead unit, deadlines by month");
    summary->add_option("FILE", summary_file, "plan@1 JSON file, or - for standard input")->required();
    summary->add_option("--lang", lang, "language of the labels: vi (default) or en")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, kehoach::cli::language>{{"vi", kehoach::cli::language::vi},
                                                          {"en", kehoach::cli::language::en}},
            CLI::ignore_case));

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_bad_input;
    }

    if (parse->parsed()) {
        const auto p = kehoach::load_plan_json(parse_file);
        std::fputs(kehoach::to_plan_json(p).c_str(), stdout);
    } else if (summary->parsed()) {
        const auto p = kehoach::load_plan_json(summary_file);
        std::fputs(kehoach::cli::summary_text(p, kehoach::summarize(p), lang).c_str(), stdout);
    }
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const kehoach::error& e) {
        fmt::print(stderr, "kehoach: {}\n", e.what());
        return exit_bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "kehoach: internal error: {}\n", e.what());
        return 3;
    }
}
