#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "kehoach's compiled core; use the kehoach package instead.";
    m.attr("__version__") = KEHOACH_VERSION;
    using namespace kehoach::python;
    bind_error(m);
    bind_read_limits(m);
    bind_deadline(m);
    bind_lunar(m);
    bind_calendar(m);
    bind_unit(m);
    bind_item(m);
    bind_plan(m);
    bind_plan_reader(m);
    bind_portfolio(m);
    bind_schedule(m);
    bind_synthetic(m);
    bind_summary(m);
    bind_report(m);
    bind_track(m);
    bind_lint(m);
    bind_export(m);
}
