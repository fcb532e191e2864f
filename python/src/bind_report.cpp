#include "bindings.hpp"

namespace kehoach::python {
namespace {

language language_argument(const std::string& name) {
    if (name == "vi") return language::vi;
    if (name == "en") return language::en;
    throw py::value_error("unknown language '" + name + "' (expected one of: vi, en)");
}

std::string report(const plan& p, const status_log& log, const std::string& month, std::optional<date> as_of,
                   const std::string& format, const std::string& lang, bool redact, int stale_after_days) {
    const auto reported = parse_iso_month(month);
    if (!reported) throw py::value_error("'" + month + "' is not a month YYYY-MM");
    return monthly_report(p, log,
                          {.month = *reported, .as_of = as_of, .lang = language_argument(lang),
                           .format = enum_argument<report_format>(format), .redact = redact,
                           .stale_after_days = stale_after_days});
}

std::string report_from_file(const plan& p, const std::filesystem::path& log, const std::string& month,
                             std::optional<date> as_of, const std::string& format, const std::string& lang, bool redact,
                             int stale_after_days) {
    return report(p, read_status_log(log), month, as_of, format, lang, redact, stale_after_days);
}

}  // namespace

void bind_report(py::module_& m) {
    // The log comes as the path of a status@1 file, or as a StatusLog.
    m.def("_monthly_report", &report_from_file, "plan"_a, "log"_a, "month"_a, "as_of"_a, "format"_a, "lang"_a, "redact"_a,
          "stale_after_days"_a);
    m.def("_monthly_report", &report, "plan"_a, "log"_a, "month"_a, "as_of"_a, "format"_a, "lang"_a, "redact"_a,
          "stale_after_days"_a);
}

}  // namespace kehoach::python
