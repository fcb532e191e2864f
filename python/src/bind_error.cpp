#include "bindings.hpp"

namespace kehoach::python {
namespace {

// Created once and kept for the life of the interpreter.
PyObject* kehoach_error_type = nullptr;
PyObject* parse_error_type = nullptr;
PyObject* validation_error_type = nullptr;
PyObject* cycle_error_type = nullptr;

PyObject* new_type(py::module_& m, const char* name, py::tuple bases, const char* doc) {
    // Named as users import them: kehoach.ParseError.
    const std::string qualified = std::string("kehoach.") + name;
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (!type) throw py::error_already_set();
    m.add_object(name, py::handle(type));
    return type;
}

/// Text for Python: what an input held may not be UTF-8, and the error about it must still be raised.
py::str text(const std::string& s) {
    PyObject* decoded = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (!decoded) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(decoded);
}

void raise_parse_error(const parse_error& e) {
    py::object error = py::reinterpret_borrow<py::object>(parse_error_type)(text(e.what()));
    const auto& where = e.where();
    error.attr("source") = text(where.source);
    error.attr("line") = where.line ? py::object(py::int_(where.line)) : py::none();
    error.attr("column") = where.column ? py::object(py::int_(where.column)) : py::none();
    error.attr("path") = text(e.path());
    error.attr("message") = text(e.message());
    PyErr_SetObject(parse_error_type, error.ptr());
}

void raise_cycle_error(const cycle_error& e) {
    py::object error = py::reinterpret_borrow<py::object>(cycle_error_type)(e.what());
    error.attr("paths") = e.paths();
    // Vertex numbers; the kehoach package turns them into the items' own ids as `.cycles`.
    error.attr("vertex_cycles") = e.cycles();
    PyErr_SetObject(cycle_error_type, error.ptr());
}

}  // namespace

void bind_error(py::module_& m) {
    kehoach_error_type = new_type(m, "KehoachError", py::make_tuple(py::handle(PyExc_Exception)),
                                  "Base of every error kehoach raises.");
    // ValueError too: callers that catch bad values catch these without knowing kehoach.
    parse_error_type = new_type(m, "ParseError", py::make_tuple(py::handle(kehoach_error_type), py::handle(PyExc_ValueError)),
                                "Input that cannot be read; .source, .line, .column and .path say where.");
    validation_error_type =
        new_type(m, "ValidationError", py::make_tuple(py::handle(kehoach_error_type), py::handle(PyExc_ValueError)),
                 "A change that would break the plan: a duplicate id, a reference to nothing.");
    cycle_error_type = new_type(m, "CycleError", py::make_tuple(py::handle(kehoach_error_type)),
                                "Dependencies that go round in a cycle; .cycles lists each as item ids, .paths in words.");

    py::register_exception_translator([](std::exception_ptr thrown) {
        try {
            if (thrown) std::rethrow_exception(thrown);
        } catch (const parse_error& e) {
            raise_parse_error(e);
        } catch (const cycle_error& e) {
            raise_cycle_error(e);
        } catch (const validation_error& e) {
            PyErr_SetString(validation_error_type, e.what());
        } catch (const error& e) {
            PyErr_SetString(kehoach_error_type, e.what());
        }
    });
}

}  // namespace kehoach::python
