#pragma once
// Included first by every binding translation unit, so that all of them see the same casters.

#include <kehoach/kehoach.hpp>

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>

namespace py = pybind11;
using namespace pybind11::literals;

namespace pybind11::detail {

/// kehoach::date ⇄ datetime.date. An ISO string `YYYY-MM-DD` is accepted too.
template <>
struct type_caster<kehoach::date> {
    PYBIND11_TYPE_CASTER(kehoach::date, const_name("datetime.date"));

    static object& datetime_module() {
        // Leaked on purpose: the module outlives every call, and no destructor runs after Py_Finalize.
        static auto* module = new object(module_::import("datetime"));
        return *module;
    }

    bool load(handle src, bool) {
        if (!src) return false;
        if (isinstance<str>(src)) {
            const auto text = src.cast<std::string>();
            const auto day = kehoach::parse_iso_date(text);
            if (!day) throw value_error("'" + text + "' is not a date YYYY-MM-DD that exists");
            value = *day;
            return true;
        }
        // A datetime is also a date; taking only its day would drop its time silently.
        if (!isinstance(src, datetime_module().attr("date")) || isinstance(src, datetime_module().attr("datetime")))
            return false;
        const auto day = kehoach::make_date(src.attr("year").cast<int>(), src.attr("month").cast<unsigned>(),
                                            src.attr("day").cast<unsigned>());
        if (!day) return false;
        value = *day;
        return true;
    }

    static handle cast(kehoach::date day, return_value_policy, handle) {
        const std::chrono::year_month_day ymd{day};
        return datetime_module()
            .attr("date")(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()))
            .release();
    }
};

}  // namespace pybind11::detail

namespace kehoach::python {

/// numpy's datetime64 NaT: the smallest int64.
inline constexpr std::int64_t not_a_time = std::numeric_limits<std::int64_t>::min();

/// A date as numpy's datetime64[D] counts it: days since 1970-01-01, NaT for none.
inline std::int64_t epoch_days(const std::optional<date>& day) { return day ? day->time_since_epoch().count() : not_a_time; }

/// Enumerations cross into Python as their plan@1 names.
template <named_enum Enum>
Enum enum_argument(const std::string& name) {
    if (auto value = from_string<Enum>(name)) return *value;
    throw py::value_error("unknown value '" + name + "' (expected one of: " + joined_names<Enum>() + ")");
}

/// The language of labels, as Python names it ("vi", "en").
inline language language_argument(const std::string& name) {
    if (name == "vi") return language::vi;
    if (name == "en") return language::en;
    throw py::value_error("unknown value '" + name + "' (expected one of: vi, en)");
}

/// An item seen through the plan that owns it; keeps the plan alive.
struct item_view {
    std::shared_ptr<const plan> owner;
    item_index index;

    [[nodiscard]] const item& get() const { return (*owner)[index]; }
};

/// A unit seen through the plan that owns it.
struct unit_view {
    std::shared_ptr<const plan> owner;
    unit_index index;

    [[nodiscard]] const unit& get() const { return owner->units()[index]; }
};

/// The result of `compute`, run without the GIL so that other Python threads run meanwhile:
/// for the C++ work of a binding that then builds Python objects from it. `compute` must touch
/// no Python object.
template <typename Compute>
auto without_gil(Compute&& compute) {
    py::gil_scoped_release unlocked;
    return compute();
}

/// Unit names of a role list.
inline py::list unit_names(const plan& p, const std::vector<unit_index>& units) {
    py::list names;
    for (auto u : units) names.append(p.units()[u].name);
    return names;
}

void bind_error(py::module_& m);
void bind_deadline(py::module_& m);
void bind_lunar(py::module_& m);
void bind_calendar(py::module_& m);
void bind_unit(py::module_& m);
void bind_item(py::module_& m);
void bind_plan(py::module_& m);
void bind_read_limits(py::module_& m);
void bind_plan_reader(py::module_& m);
void bind_portfolio(py::module_& m);
void bind_schedule(py::module_& m);
void bind_synthetic(py::module_& m);
void bind_summary(py::module_& m);
void bind_report(py::module_& m);
void bind_track(py::module_& m);
void bind_lint(py::module_& m);
void bind_export(py::module_& m);

}  // namespace kehoach::python
