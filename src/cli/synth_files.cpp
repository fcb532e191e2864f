#include "synth_files.hpp"

#include <kehoach/io/file.hpp>
#include <kehoach/io/plan_json.hpp>

#include "../detail/csv.hpp"

#include <fmt/format.h>

#include <iterator>

namespace kehoach::cli {
namespace {

std::string iso(const std::optional<date>& day) { return day ? to_iso(*day) : std::string(); }

template <typename Index>
std::string index_or_empty(Index i) {
    return i == synthetic_portfolio::none ? std::string() : fmt::to_string(i);
}

}  // namespace

std::size_t write_synthetic(const synthetic_portfolio& s, const std::filesystem::path& folder, bool plan_files) {
    std::filesystem::create_directories(folder);
    std::string plans = "plan,level,number,issuer,issued,parent,event\r\n";
    for (std::size_t k = 0; k < s.plan_levels.size(); ++k) {
        fmt::format_to(std::back_inserter(plans), "{},{},", k, to_string(s.plan_levels[k]));
        detail::csv_field(plans, s.plan_numbers[k]);
        plans += ',';
        detail::csv_field(plans, s.plan_issuers[k]);
        fmt::format_to(std::back_inserter(plans), ",{},{},{}\r\n", to_iso(s.plan_issued[k]), index_or_empty(s.plan_parent[k]),
                       iso(s.plan_event[k]));
    }
    write_file_atomically(folder / "plans.csv", plans);

    const auto ids = s.item_ids();
    const auto timing = s.activities();
    std::string items = "id,plan,item,kind,title,lead,deadline,duration,window_start,window_end,continuous,waiting,implements\r\n";
    for (std::uint32_t i = 0; i < s.size(); ++i) {
        const bool section = s.item_group[i] == synthetic_portfolio::none;
        const auto level = static_cast<std::size_t>(s.plan_levels[s.item_plan[i]]);
        fmt::format_to(std::back_inserter(items), "{},{},{},{},", i, s.item_plan[i], ids[i], section ? "group" : "task");
        detail::csv_field(items, section ? synthetic_portfolio::section_titles[s.item_title[i]] : synthetic_portfolio::task_titles[s.item_title[i]]);
        items += ',';
        if (!section) detail::csv_field(items, synthetic_portfolio::unit_names[level][s.item_lead[i]]);
        fmt::format_to(std::back_inserter(items), ",{},{},{},{},{},{},{}\r\n", section ? "" : to_string(s.item_deadline[i]),
                       timing[i].duration, iso(timing[i].earliest_start), iso(timing[i].deadline), timing[i].continuous ? 1 : 0,
                       timing[i].waiting ? 1 : 0, index_or_empty(s.item_implements[i]));
    }
    write_file_atomically(folder / "items.csv", items);

    std::string edges = "source,target,type,lag\r\n";
    for (const auto& p : s.precedences(timing))
        fmt::format_to(std::back_inserter(edges), "{},{},{},{}\r\n", p.source, p.target, to_string(p.type), p.lag);
    write_file_atomically(folder / "edges.csv", edges);

    std::string status = "item,date,state,percent\r\n";
    for (const auto& row : s.status)
        fmt::format_to(std::back_inserter(status), "{},{},{},{}\r\n", row.item, to_iso(row.day), to_string(row.state),
                       row.percent < 0 ? std::string() : fmt::to_string(row.percent));
    write_file_atomically(folder / "status.csv", status);
    std::size_t written = 4;

    if (plan_files) {
        const auto all = s.to_portfolio();
        std::filesystem::create_directories(folder / "plans");
        for (std::size_t k = 0; k < all.size(); ++k, ++written)
            write_file_atomically(folder / "plans" / fmt::format("{:05}.plan.json", k), to_plan_json(all[static_cast<plan_index>(k)]));
    }
    return written;
}

}  // namespace kehoach::cli
