#pragma once
// Columns crossing into numpy: views over a result's own memory, or new arrays filled once.

#include "bindings.hpp"

#include <pybind11/numpy.h>

#include <span>
#include <vector>

namespace kehoach::python {

/// A column of a result as a read-only numpy array over the result's memory: no copy, and
/// `owner` stays alive as long as the array does. A result is read, not edited.
template <typename T>
py::array view(std::span<const T> column, const py::object& owner, const char* dtype = nullptr) {
    auto array = py::array(py::dtype::of<T>(), {column.size()}, {sizeof(T)}, column.data(), owner);
    if (dtype) array = array.attr("view")(dtype);
    array.attr("setflags")("write"_a = false);
    return array;
}

/// A column as a new numpy array, each value converted (`convert` touches no Python object). A
/// long column is filled without the GIL: no other thread can see the array yet. A short one
/// keeps it, since taking the GIL back may wait for another thread's turn.
template <typename T, typename Source, typename Convert>
py::array_t<T> numpy_column(const Source& source, Convert convert) {
    constexpr std::size_t long_column = 100'000;
    py::array_t<T> out(static_cast<py::ssize_t>(source.size()));
    auto* data = out.mutable_data();
    auto fill = [&] {
        for (std::size_t i = 0; i < source.size(); ++i) data[i] = convert(source[i]);
    };
    if (source.size() < long_column) fill();
    else without_gil(fill);
    return out;
}

/// A column copied as it is.
template <typename T>
py::array_t<T> plain(const std::vector<T>& source) {
    return numpy_column<T>(source, [](T value) { return value; });
}

/// Dates as datetime64[ns], NaT where `to_days` gives not_a_time. Nanoseconds because that is the one
/// unit pandas 1.5 keeps: it converts any other (datetime64[D] too) in a pass slower than making the
/// column, so a column made in this unit goes into a DataFrame without a copy.
template <typename Source, typename ToDays>
py::array datetimes(const Source& source, ToDays to_days) {
    constexpr std::int64_t nanoseconds_per_day = 86'400'000'000'000;
    return numpy_column<std::int64_t>(source, [&](const auto& value) {
               const std::int64_t days = to_days(value);
               return days == not_a_time ? not_a_time : days * nanoseconds_per_day;
           })
        .attr("view")("datetime64[ns]");
}

/// Dates as datetime64[ns].
inline py::array days(const std::vector<date>& source) {
    return datetimes(source, [](date d) { return std::int64_t{d.time_since_epoch().count()}; });
}

/// Dates as datetime64[ns], NaT for none.
inline py::array days(const std::vector<std::optional<date>>& source) { return datetimes(source, epoch_days); }

}  // namespace kehoach::python
