// The kehoach command. Exit codes: 0 ok, 1 findings, 2 bad input or usage (message on stderr).

#include "calendar_text.hpp"
#include "lint_text.hpp"
#include "schedule_text.hpp"
#include "status_text.hpp"
#include "synth_files.hpp"
#include "summary_text.hpp"

#include <kehoach/kehoach.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_bad_input = 2;

/// A date given on the command line; nullopt when not given.
std::optional<kehoach::date> date_option(std::string_view option, const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto day = kehoach::parse_iso_date(text);
    if (!day) throw kehoach::parse_error({std::string(option), 0, 0}, {}, fmt::format("'{}' is not a date YYYY-MM-DD that exists", text));
    return day;
}

/// Standard output, or the file named by -o: written whole through a temporary file, never torn.
void emit(const std::string& text, const std::string& output) {
    if (output.empty()) std::fputs(text.c_str(), stdout);
    else kehoach::write_file_atomically(output, text);
}

int run(int argc, char** argv) {
    CLI::App app{"kehoach: implementation plans as graphs: schedules and accountability", "kehoach"};
    app.set_version_flag("--version", std::string("kehoach ") + KEHOACH_VERSION);
    app.require_subcommand(1);

    std::string parse_file;
    bool strict = false;
    auto* parse = app.add_subcommand("parse", "Read a plan (a document, an appendix table in CSV, or plan@1 JSON) and print it as plan@1 JSON");
    parse->add_option("FILE", parse_file, "plan document (.txt, .md), appendix table (.csv), plan@1 JSON, or - for standard input")->required();
    parse->add_flag("--strict", strict, "treat the reader's warnings as errors");
    std::string units_file;
    parse->add_option("--units", units_file,
                      "a registry of known units (units@1, or a plan@1 file whose units to use): the document's names resolve to them");

    const std::map<std::string, kehoach::language> languages{{"vi", kehoach::language::vi},
                                                                 {"en", kehoach::language::en}};
    auto lang = kehoach::language::vi;
    auto add_language = [&](CLI::App* command) {
        command->add_option("--lang", lang, "language of the labels: vi (default) or en")
            ->transform(CLI::CheckedTransformer(languages, CLI::ignore_case));
    };
    // Bounds on every input a command reads (docs/hardening.md#limits).
    kehoach::read_limits limits;
    auto add_limits = [&](CLI::App* command) {
        const auto group = "Limits (docs/hardening.md#limits)";
        command->add_option("--max-input-bytes", limits.max_input_bytes, "bytes of one input")->capture_default_str()->group(group);
        command->add_option("--max-line-length", limits.max_line_length, "bytes of one line of a document or CSV file")
            ->capture_default_str()
            ->group(group);
        command->add_option("--max-items", limits.max_items, "items of a plan, rows of a log, elements of a JSON array")
            ->capture_default_str()
            ->group(group);
        command->add_option("--max-depth", limits.max_depth, "levels of a document's outline, nesting of JSON")
            ->capture_default_str()
            ->group(group);
    };
    add_limits(parse);

    // One flag for every command that prints plan text: what it reads is redacted before use.
    bool redact = false;
    auto add_redact = [&](CLI::App* command) {
        command->add_flag("--redact", redact, "replace the names of people (the signer, officials in the text) by a mark");
    };
    add_language(parse);
    add_redact(parse);
    auto read_plan = [&](const std::string& file) {
        auto p = kehoach::load_plan(file, {.limits = limits});
        return redact ? kehoach::redacted(p, lang) : p;
    };
    auto read_portfolio = [&](const std::string& folder) {
        auto all = kehoach::load_portfolio(folder, {.limits = limits});
        return redact ? kehoach::redacted(all, lang) : all;
    };

    std::string summary_file;
    auto* summary = app.add_subcommand("summary", "Print a plan at a glance: tasks per lead unit, deadlines by month");
    summary->add_option("FILE", summary_file, "plan document or plan@1 JSON file, or - for standard input")->required();
    add_language(summary);
    add_limits(summary);
    add_redact(summary);

    std::string lint_file;
    std::string lint_format = "text";
    auto* lint = app.add_subcommand("lint", "Check that every task has one clear lead and a clear deadline, and that the plan can be scheduled");
    lint->add_option("FILE", lint_file,
                     "plan document or plan@1 JSON file, - for standard input, or a folder of plans (a portfolio)")
        ->required();
    lint->add_option("--format", lint_format, "text (default) or json (lint@1)")->check(CLI::IsMember({"text", "json"}));
    add_language(lint);
    add_limits(lint);
    add_redact(lint);

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

    std::string schedule_file;
    std::string schedule_start;
    std::string schedule_format = "table";
    bool check_deadlines = false;
    auto* schedule = app.add_subcommand("schedule", "Compute when each item can and must happen: dates, slack, critical items");
    schedule->add_option("FILE", schedule_file,
                         "plan document or plan@1 JSON file, - for standard input, or a folder of plans (a portfolio)")
        ->required();
    schedule->add_option("--start", schedule_start, "the first day work may start (YYYY-MM-DD); default: the plan's issue date");
    schedule->add_option("--format", schedule_format, "table (default), json (schedule@1) or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    schedule->add_flag("--check", check_deadlines, "exit 1 when an item cannot meet its deadline");
    add_language(schedule);
    add_limits(schedule);
    add_redact(schedule);

    std::string status_file, status_log_file, status_as_of, status_format = "table";
    int stale_after_days = 30;
    bool check_overdue = false;
    auto* status = app.add_subcommand("status", "Where every item stands on a date, from a status log: done, late, overdue, not yet due");
    status->add_option("FILE", status_file, "plan document or plan@1 JSON file, - for standard input, or a folder of plans (a portfolio)")
        ->required();
    status->add_option("--log", status_log_file, "the status log (status@1 CSV or JSON)")->required();
    status->add_option("--as-of", status_as_of, "the date to judge on (YYYY-MM-DD); default: today");
    status->add_option("--stale-days", stale_after_days, "flag items not reported on for more days than this (default 30)")
        ->check(CLI::Range(0, 100000));
    status->add_option("--format", status_format, "table (default), json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
    status->add_flag("--check", check_overdue, "exit 1 when an item is overdue");
    bool by_unit = false;
    status->add_flag("--by-unit", by_unit, "print the scorecard instead: per unit and role, tasks per category and on-time rates");
    add_language(status);
    add_limits(status);
    add_redact(status);

    kehoach::synthetic_options synth_options;
    std::string synth_folder;
    bool synth_plans = false;
    auto* synth = app.add_subcommand("synth", "Make a synthetic national portfolio (deterministic by seed) as CSV tables");
    synth->add_option("--items", synth_options.items, "about how many items (645000: the country)")->check(CLI::Range(1, 10'000'000));
    synth->add_option("--seed", synth_options.seed, "the seed: the same seed gives the same portfolio");
    synth->add_option("--year", synth_options.year, "the plans' year")
        ->check(CLI::Range(kehoach::calendar::first_year, kehoach::calendar::last_year - 1));
    synth->add_option("--out", synth_folder, "the folder to write plans.csv, items.csv, edges.csv, status.csv into")->required();
    synth->add_flag("--plans", synth_plans, "also write each plan as a plan@1 file under OUT/plans (for thousands of items)");

    std::string phrase;
    std::string issued;
    auto* deadline = app.add_subcommand("deadline", "Read a deadline phrase and print it normalized, as JSON");
    deadline->add_option("PHRASE", phrase, "the phrase, e.g. \"Trong quý I/2023\"")->required();
    deadline->add_option("--issued", issued, "the plan's issue date (YYYY-MM-DD): the year of dates that omit it");

    std::string report_file, report_log, report_month, report_as_of, report_output;
    std::string report_format_name = "md";
    kehoach::report_options report_settings;
    auto* monthly = app.add_subcommand("report", "Write the monthly report on a plan from its status log, in Markdown or HTML");
    monthly->add_option("FILE", report_file, "plan document or plan@1 JSON file, or - for standard input")->required();
    monthly->add_option("--log", report_log, "the status log (status@1 CSV or JSON)")->required();
    monthly->add_option("--month", report_month, "the month reported on (YYYY-MM)")->required();
    monthly->add_option("--as-of", report_as_of,
                       "the day the figures stand on (YYYY-MM-DD); default: the month's last day, or today while it runs");
    monthly->add_option("--format", report_format_name, "md (default) or html")->check(CLI::IsMember({"md", "html"}));
    monthly->add_option("--stale-after", report_settings.stale_after_days,
                       "days without a report after which open work is listed as stale (default: 30)")
        ->check(CLI::PositiveNumber);
    monthly->add_option("-o,--output", report_output, "write the report to this file instead of standard output");
    add_language(monthly);
    add_limits(monthly);
    add_redact(monthly);

    std::string export_file, export_format, export_output, export_as_of;
    auto* exporter = app.add_subcommand("export", "Write a plan's deadlines as iCalendar, its dependencies as Graphviz DOT, or its items as CSV");
    exporter->add_option("FILE", export_file,
                         "plan document or plan@1 JSON file, - for standard input, or a folder of plans (a portfolio; --to dot only)")
        ->required();
    exporter->add_option("--to", export_format, "ics (deadlines, for calendars), dot (Graphviz) or csv (one row per item)")
        ->required()
        ->check(CLI::IsMember({"ics", "dot", "csv"}));
    exporter->add_option("-o,--output", export_output, "write to this file (replaced whole, never half-written) instead of standard output");
    exporter->add_option("--as-of", export_as_of, "ics: the day stamped on the events (DTSTAMP, 00:00 UTC); default: now");
    add_language(exporter);
    add_limits(exporter);
    add_redact(exporter);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_bad_input;
    }

    if (parse->parsed()) {
        kehoach::read_options options{.strict = strict, .limits = limits};
        if (!units_file.empty()) options.known_units = kehoach::load_units(units_file, limits);
        const auto p = kehoach::load_plan(parse_file, std::move(options));
        std::fputs(kehoach::to_plan_json(redact ? kehoach::redacted(p, lang) : p).c_str(), stdout);
    } else if (summary->parsed()) {
        const auto p = read_plan(summary_file);
        std::fputs(kehoach::cli::summary_text(p, kehoach::summarize(p), lang).c_str(), stdout);
    } else if (lint->parsed()) {
        const kehoach::lint_options options{.lang = lang};
        auto report = [&](std::span<const kehoach::plan> plans, std::span<const std::vector<kehoach::diagnostic>> findings) {
            const auto text = lint_format == "json" ? kehoach::to_lint_json(plans, findings)
                                                    : kehoach::cli::lint_text(plans, findings, lang);
            std::fputs(text.c_str(), stdout);
            for (const auto& found : findings)
                for (const auto& f : found)
                    if (f.severity == kehoach::severity::error) return exit_findings;
            return exit_ok;
        };
        // A folder is a portfolio: each plan's findings, and those between plans.
        if (std::filesystem::is_directory(lint_file)) {
            const auto all = read_portfolio(lint_file);
            return report(all.plans(), kehoach::lint(all, options));
        }
        const auto p = read_plan(lint_file);
        const std::vector<std::vector<kehoach::diagnostic>> findings{kehoach::lint(p, options)};
        return report(std::span(&p, 1), findings);
    } else if (calendar->parsed()) {
        kehoach::working_week week{};
        for (int day : working_days) week[static_cast<std::size_t>(day - 1)] = true;
        auto cal = kehoach::calendar::vietnam(week);
        for (const auto& file : schedules) cal.load_schedule_file(file);
        const auto text = calendar_format == "json" ? cal.schedule_json(calendar_year)
                                                     : kehoach::cli::calendar_text(cal, calendar_year, lang);
        std::fputs(text.c_str(), stdout);
    } else if (synth->parsed()) {
        const auto s = kehoach::synthesize(synth_options);
        const auto files = kehoach::cli::write_synthetic(s, synth_folder, synth_plans);
        fmt::print("{} plans, {} items, {} dependencies, {} status rows: {} files in {}\n", s.plan_levels.size(), s.size(),
                   s.dependencies.size(), s.status.size(), files, synth_folder);
    } else if (schedule->parsed()) {
        // A folder is a portfolio: its plans, linked by what they implement.
        const bool folder = std::filesystem::is_directory(schedule_file);
        std::vector<std::string> titles;
        auto graph = [&] {
            if (!folder) {
                const auto p = read_plan(schedule_file);
                for (const auto& it : p.items()) titles.push_back(it.title);
                return kehoach::plan_graph::of(p);
            }
            const auto all = read_portfolio(schedule_file);
            for (const auto& p : all.plans())
                for (const auto& it : p.items()) titles.push_back(it.title);
            return kehoach::plan_graph::of(all);
        }();
        try {
            const auto s = graph.schedule(kehoach::calendar::vietnam(), {.start = date_option("--start", schedule_start)});
            const auto text = schedule_format == "json" ? kehoach::to_schedule_json(s)
                              : schedule_format == "csv" ? kehoach::to_schedule_csv(s)
                                                         : kehoach::cli::schedule_text(s, titles, lang);
            std::fputs(text.c_str(), stdout);
            if (check_deadlines && s.infeasible_count() > 0) return exit_findings;
        } catch (const kehoach::cycle_error& e) {
            // A finding about the plan, not unreadable input.
            fmt::print(stderr, "kehoach: {}\n", e.what());
            return exit_findings;
        }
    } else if (monthly->parsed()) {
        const auto month = kehoach::parse_iso_month(report_month);
        if (!month) throw kehoach::parse_error({"--month", 0, 0}, {}, fmt::format("'{}' is not a month YYYY-MM", report_month));
        report_settings.month = *month;
        report_settings.as_of = date_option("--as-of", report_as_of);
        report_settings.lang = lang;
        report_settings.format = report_format_name == "html" ? kehoach::report_format::html : kehoach::report_format::markdown;
        report_settings.redact = redact;
        const auto p = kehoach::load_plan(report_file, {.limits = limits});
        const auto text = kehoach::monthly_report(p, kehoach::read_status_log(report_log, limits), report_settings);
        emit(text, report_output);
    } else if (status->parsed()) {
        const auto log = kehoach::read_status_log(status_log_file, limits);
        const kehoach::snapshot_options options{.as_of = date_option("--as-of", status_as_of).value_or(kehoach::today_in_vietnam()),
                                                .stale_after_days = stale_after_days};
        const auto cal = kehoach::calendar::vietnam();
        // A folder is a portfolio, whose log names each row's plan.
        std::optional<kehoach::portfolio> all;
        std::optional<kehoach::plan> one;
        std::vector<const kehoach::plan*> plans;
        if (std::filesystem::is_directory(status_file)) {
            all = read_portfolio(status_file);
            for (const auto& p : all->plans()) plans.push_back(&p);
        } else {
            one = read_plan(status_file);
            plans.push_back(&*one);
        }
        const auto s = all ? kehoach::take_snapshot(*all, log, options, cal) : kehoach::take_snapshot(*one, log, options, cal);
        const auto units = all ? kehoach::assignments::of(*all) : kehoach::assignments::of(*one);
        const auto text = by_unit                  ? kehoach::cli::scorecard_text(units, kehoach::scorecard(s, units), lang)
                          : status_format == "json" ? kehoach::to_snapshot_json(plans, s)
                          : status_format == "csv" ? kehoach::to_snapshot_csv(plans, s)
                                                   : kehoach::cli::status_text(plans, s, lang);
        std::fputs(text.c_str(), stdout);
        // The log's rows that name nothing were left out: bad input, said where.
        bool errors = false;
        for (const auto& d : s.diagnostics) {
            fmt::print(stderr, "{}:{}: {}: {}\n", kehoach::input_name(status_log_file), d.line, to_string(d.severity), d.message);
            errors |= d.severity == kehoach::severity::error;
        }
        if (errors) return exit_bad_input;
        if (check_overdue && s.counts()[static_cast<std::size_t>(kehoach::status_category::overdue)] > 0) return exit_findings;
    } else if (exporter->parsed()) {
        const bool folder = std::filesystem::is_directory(export_file);
        if (folder && export_format != "dot")
            throw kehoach::parse_error({export_file, 0, 0}, {}, "is a folder: only --to dot exports a portfolio; give one plan file");
        if (!export_as_of.empty() && export_format != "ics")
            throw kehoach::parse_error({"--as-of", 0, 0}, {}, "stamps iCalendar events; it applies to --to ics only");
        if (export_format == "dot") {
            // The critical path is highlighted when the plan can be scheduled; a cycle is drawn all the same.
            auto draw = [&](const auto& what) {
                try {
                    const auto s = kehoach::plan_graph::of(what).schedule(kehoach::calendar::vietnam());
                    return kehoach::to_dot(what, &s, {.lang = lang, .redact = redact});
                } catch (const kehoach::error& e) {
                    fmt::print(stderr, "kehoach: export: drawn without the critical path: {}\n", e.what());
                    return kehoach::to_dot(what, nullptr, {.lang = lang, .redact = redact});
                }
            };
            emit(folder ? draw(kehoach::load_portfolio(export_file, {.limits = limits})) : draw(kehoach::load_plan(export_file, {.limits = limits})), export_output);
        } else if (export_format == "csv") {
            emit(kehoach::to_items_csv(read_plan(export_file)), export_output);
        } else {
            kehoach::ics_options options{.redact = redact, .lang = lang};
            if (const auto day = date_option("--as-of", export_as_of)) options.stamp = std::chrono::sys_seconds{*day};
            const auto ics = kehoach::to_ics(kehoach::load_plan(export_file, {.limits = limits}), options);
            emit(ics.text, export_output);
            if (!ics.left_out.empty())
                fmt::print(stderr, "kehoach: export: {} events; {} items left out, with no day to put on a calendar "
                                   "(ongoing, after an event not yet dated, or no deadline that can be read)\n",
                           ics.events, ics.left_out.size());
        }
    } else if (deadline->parsed()) {
        const auto issue_date = date_option("--issued", issued);
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
