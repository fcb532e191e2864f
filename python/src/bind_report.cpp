#include "bindings.hpp"

namespace kehoach::python {
namespace {

std::string report(const plan& p, const status_log& log, const std::string& month, std::optional<date> as_of,
                   const std::string& format, const std::string& lang, bool redact, int stale_after_days) {
    const auto reported = parse_iso_month(month);
    if (!reported) throw py::value_error("'" + month + "' is not a month YYYY-MM");
    return monthly_report(p, log,
                          {.month = *reported, .as_of = as_of, .lang = language_argument(lang),
                           .format = enum_argument<report_format>(format), .redact = redact,
                           .stale_after_days = stale_after_days});
}

}  // namespace

void bind_report(py::module_& m) {
    m.def("_monthly_report", &report, "plan"_a, "log"_a, "month"_a, "as_of"_a, "format"_a, "lang"_a, "redact"_a,
          "stale_after_days"_a, py::call_guard<py::gil_scoped_release>());
}

}  // namespace kehoach::python
