// The kehoach command. Exit codes: 0 ok, 1 findings, 2 bad input or usage (message on stderr).

#include "calendar_text.hpp"
#include "summary_text.hpp"

#include <kehoach/kehoach.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_bad_input = 2;

int run(int argc, char** argv) {
    CLI::App app{"kehoach: implementation plans as graphs: schedules and accountability", "kehoach"};
    app.set_version_flag("--version", std::string("kehoach ") + KEHOACH_VERSION);
    app.require_subcommand(1);

    std::string parse_file;
    bool strict = false;
    auto* parse = app.add_subcommand("parse", "Read a plan (a document, or plan@1 JSON) and print it as plan@1 JSON");
    parse->add_option("FILE", parse_file, "plan document (.txt, .md), plan@1 JSON, or - for standard input")->required();
    parse->add_flag("--strict", strict, "treat the reader's warnings as errors");
    std::string units_file;
    parse->add_option("--units", units_file,
                      "a registry of known units (units@1, or a plan@1 file whose units to use): the document's names resolve to them");

    const std::map<std::string, kehoach::cli::language> languages{{"vi", kehoach::cli::language::vi},
                                                                 {"en", kehoach::cli::language::en}};
    auto lang = kehoach::cli::language::vi;
    auto add_language = [&](CLI::App* command) {
        command->add_option("--lang", lang, "language of the labels: vi (default) or en")
            ->transform(CLI::CheckedTransformer(languages, CLI::ignore_case));
    };

    std::string summary_file;
    auto* summary = app.add_subcommand("summary", "Print a plan at a glance: tasks per lead unit, deadlines by month");
    summary->add_option("FILE", summary_file, "plan document or plan@1 JSON file, or - for standard input")->required();
    add_language(summary);

    int calendar_year = 0;
    std::vector<std::string> schedules;
    std::vector<int> working_days{1, 2, 3, 4, 5};
    std::string calendar_format = "text";
    auto* calendar = app.add_subcommand("calendar", "List a year's days off and make-up working days");
    calendar->add_option("YEAR", calendar_year, "the year")
        ->required()
        ->check(CLI::Range(kehoach::calendar::first_year, kehoach::calendar::last_year));
    calendar->add_option("--schedule", schedules, "an official schedule in the holidays@1 format (repeatable)")
        ->check(CLI::ExistingFile);
    calendar->add_option("--working-days", working_days, "ISO weekdays worked, 1 = Monday (default: 1 2 3 4 5)")
        ->check(CLI::Range(1, 7))
        ->delimiter(',');
    calendar->add_option("--format", calendar_format, "text (default), or json: a holidays@1 schedule to edit and load back")
        ->check(CLI::IsMember({"text", "json"}));
    add_language(calendar);

    std::string phrase;
    std::string issued;
    auto* deadline = app.add_subcommand("deadline", "Read a deadline phrase and print it normalized, as JSON");
    deadline->add_option("PHRASE", phrase, "the phrase, e.g. \"Trong quý I/2023\"")->required();
    deadline->add_option("--issued", issued, "the plan's issue date (YYYY-MM-DD): the year of dates that omit it");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_bad_input;
    }

    if (parse->parsed()) {
        kehoach::read_options options{.strict = strict};
        if (!units_file.empty()) options.known_units = kehoach::load_units(units_file);
        const auto p = kehoach::load_plan(parse_file, std::move(options));
        std::fputs(kehoach::to_plan_json(p).c_str(), stdout);
    } else if (summary->parsed()) {
        const auto p = kehoach::load_plan(summary_file);
        std::fputs(kehoach::cli::summary_text(p, kehoach::summarize(p), lang).c_str(), stdout);
    } else if (calendar->parsed()) {
        kehoach::working_week week{};
        for (int day : working_days) week[static_cast<std::size_t>(day - 1)] = true;
        auto cal = kehoach::calendar::vietnam(week);
        for (const auto& file : schedules) cal.load_schedule_file(file);
        const auto text = calendar_format == "json" ? cal.schedule_json(calendar_year)
                                                     : kehoach::cli::calendar_text(cal, calendar_year, lang);
        std::fputs(text.c_str(), stdout);
    } else if (deadline->parsed()) {
        std::optional<kehoach::date> issue_date;
        if (!issued.empty()) {
            issue_date = kehoach::parse_iso_date(issued);
            if (!issue_date) throw kehoach::parse_error({"--issued", 0, 0}, {}, fmt::format("'{}' is not a date YYYY-MM-DD that exists", issued));
        }
        const auto reading = kehoach::parse_deadline(phrase, issue_date);
        std::fputs(kehoach::to_deadline_json(reading).c_str(), stdout);
        for (const auto& d : reading.diagnostics)
            fmt::print(stderr, "kehoach: deadline:{}: {}: {}\n", d.column, d.code, d.message);
        if (!reading.diagnostics.empty()) return exit_findings;
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
