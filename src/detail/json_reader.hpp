#pragma once
// Reading JSON documents with errors that name the place: file, line, column and JSON path.
// The readers of plan@1 and holidays@1 are built on this.

#include "json_text.hpp"
#include "limits.hpp"

#include <kehoach/enum_names.hpp>
#include <kehoach/error.hpp>
#include <kehoach/limits.hpp>
#include <kehoach/time/date.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kehoach::detail {

using json = nlohmann::json;

/// A JSON path kept on the stack: each level points to its parent, so descending costs nothing.
struct json_path {
    const json_path* parent = nullptr;
    json_step step{std::string_view{}};

    [[nodiscard]] json_path operator/(std::string_view key) const& { return {this, key}; }
    [[nodiscard]] json_path operator/(std::size_t index) const& { return {this, index}; }
    // A child points to its parent: a temporary parent would be gone before the child is used.
    json_path operator/(std::string_view) const&& = delete;
    json_path operator/(std::size_t) const&& = delete;

    [[nodiscard]] std::vector<json_step> steps() const {
        std::vector<json_step> out;
        for (const json_path* p = this; p->parent; p = p->parent) out.push_back(p->step);
        std::reverse(out.begin(), out.end());
        return out;
    }
};

/// The base of a document reader: every failure becomes a parse_error at the offending value.
class json_reader {
public:
    json_reader(std::string_view text, std::string_view source, const read_limits& limits = {})
        : text_(text), source_(source), limits_(limits) {}

protected:
    /// Parses the text within the limits and refuses duplicate keys.
    json parse_json() const {
        check_input_size(text_, source_, limits_);
        if (const auto deep = first_too_deep(text_, limits_.max_depth)) {
            const auto at = position_of(text_, *deep);
            over_limit(source_, at.line, at.column, fmt::format("arrays and objects nested more than {} deep", limits_.max_depth),
                       "max_depth", limits_.max_depth);
        }
        if (starts_with_utf16_bom(text_)) fail_at(0, {}, "this is UTF-16 text: save it as UTF-8");
        if (const auto nul = text_.find('\0'); nul != std::string_view::npos)
            fail_at(nul, {}, "a NUL byte: this is a binary file or UTF-16 text, not JSON in UTF-8");
        json root;
        try {
            root = json::parse(text_);
        } catch (const json::parse_error& e) {
            fail_at(e.byte == 0 ? 0 : e.byte - 1, {}, nlohmann_message(e.what()));
        } catch (const json::out_of_range&) {
            // A number too large for a double (1e400): nlohmann says which, not where.
            fail_at(first_number_overflow(text_).value_or(0), {}, "a number too large to hold");
        }
        if (auto dup = find_duplicate_key(text_))
            fail_at(dup->offset, dup->path, fmt::format("duplicate key \"{}\"", dup->key));
        return root;
    }

    /// parse_json(), then checks that the document is an object with only `allowed` fields and
    /// that its "schema" is `schema`.
    json parse_document(std::string_view schema, std::initializer_list<std::string_view> allowed) const {
        auto root = parse_json();
        check_document(root, schema, allowed);
        return root;
    }

    void check_document(const json& root, std::string_view schema, std::initializer_list<std::string_view> allowed) const {
        const json_path top;
        expect_object(root, top, allowed);
        const auto& declared = require(root, top, "schema");
        if (!declared.is_string()) fail(top / "schema", fmt::format("expected the string \"{}\"", schema));
        if (declared.get_ref<const std::string&>() != schema)
            fail(top / "schema", fmt::format("unsupported schema \"{}\" (this reader reads \"{}\")",
                                             declared.get_ref<const std::string&>(), schema));
    }

    /// Line and column of the value at `path`.
    [[nodiscard]] line_column position(const json_path& path) const {
        return position_of(text_, locate(text_, path.steps()));
    }

    [[noreturn]] void fail_at(std::size_t offset, std::string path, std::string message) const {
        const auto at = detail::position_of(text_, offset);
        throw parse_error({std::string(source_), at.line, at.column}, std::move(path), std::move(message));
    }

    [[noreturn]] void fail(const json_path& path, std::string message) const {
        const auto steps = path.steps();
        fail_at(detail::locate(text_, steps), detail::display_path(steps), std::move(message));
    }

    /// Runs a model mutator; its validation_error becomes a parse_error at `path`.
    template <class F>
    auto guarded(const json_path& path, F&& mutate) const {
        try {
            return mutate();
        } catch (const validation_error& e) {
            fail(path, e.what());
        }
    }

    static std::string nlohmann_message(std::string_view what) {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." → "syntax error ...",
        // without "; last read: '...'": the bytes read, which may be the invalid UTF-8 the error is about.
        if (auto column = what.find("column "); column != std::string_view::npos)
            if (auto colon = what.find(": ", column); colon != std::string_view::npos) what.remove_prefix(colon + 2);
        std::string out(what);
        if (const auto read = out.find("; last read: '"); read != std::string::npos) {
            const auto end = out.find("'", read + 14);
            out.erase(read, end == std::string::npos ? std::string::npos : end + 1 - read);
        }
        return out;
    }

    static std::string_view type_name(const json& v) {
        if (v.is_null()) return "null";
        if (v.is_boolean()) return "a boolean";
        if (v.is_number()) return "a number";
        if (v.is_string()) return "a string";
        if (v.is_array()) return "an array";
        return "an object";
    }

    void expect_object(const json& v, const json_path& path, std::initializer_list<std::string_view> allowed) const {
        if (!v.is_object()) fail(path, fmt::format("expected an object, got {}", type_name(v)));
        for (const auto& [key, value] : v.items()) {
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string names;
                for (auto name : allowed) names += fmt::format("{}{}", names.empty() ? "" : ", ", name);
                fail(path / key, fmt::format("unknown field \"{}\" (expected one of: {})", key, names));
            }
        }
    }

    const json& require(const json& object, const json_path& path, std::string_view key) const {
        const auto it = object.find(key);
        if (it == object.end()) fail(path, fmt::format("missing required field \"{}\"", key));
        return *it;
    }

    /// The field's value, or nullptr when it is absent or null (the same as empty in plan@1).
    static const json* optional(const json& object, std::string_view key) {
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    std::string string_value(const json& v, const json_path& path) const {
        if (!v.is_string()) fail(path, fmt::format("expected a string, got {}", type_name(v)));
        return v.get<std::string>();
    }

    std::string required_string(const json& object, const json_path& path, std::string_view key) const {
        return string_value(require(object, path, key), path / key);
    }

    std::string optional_string(const json& object, const json_path& path, std::string_view key) const {
        const auto* v = optional(object, key);
        return v ? string_value(*v, path / key) : std::string{};
    }

    bool optional_bool(const json& object, const json_path& path, std::string_view key) const {
        const auto* v = optional(object, key);
        if (!v) return false;
        if (!v->is_boolean()) fail(path / key, fmt::format("expected true or false, got {}", type_name(*v)));
        return v->get<bool>();
    }

    long long integer_value(const json& v, const json_path& path, long long low, long long high) const {
        // A number past 64 bits is kept as a float: say which, not merely "a number".
        if (!v.is_number_integer())
            fail(path, v.is_number() ? fmt::format("expected an integer in {}..{}, got {}", low, high, v.dump())
                                     : fmt::format("expected an integer, got {}", type_name(v)));
        // nlohmann keeps a non-negative integer as unsigned, a negative one as signed.
        const bool in_range = v.is_number_unsigned()
                                  ? (low <= 0 || v.get<unsigned long long>() >= static_cast<unsigned long long>(low)) &&
                                        (high >= 0 && v.get<unsigned long long>() <= static_cast<unsigned long long>(high))
                                  : v.get<long long>() >= low && v.get<long long>() <= high;
        if (!in_range) fail(path, fmt::format("{} is out of range {}..{}", v.dump(), low, high));
        return v.get<long long>();
    }

    long long optional_integer(const json& object, const json_path& path, std::string_view key, long long low,
                               long long high) const {
        const auto* v = optional(object, key);
        return v ? integer_value(*v, path / key, low, high) : 0;
    }

    std::optional<date> optional_date(const json& object, const json_path& path, std::string_view key) const {
        const auto* v = optional(object, key);
        if (!v) return std::nullopt;
        const auto text = string_value(*v, path / key);
        const auto day = parse_iso_date(text);
        if (!day) fail(path / key, fmt::format("\"{}\" is not a date of the form YYYY-MM-DD that exists", text));
        return day;
    }

    template <named_enum Enum>
    Enum enum_value(const json& v, const json_path& path, std::string_view what) const {
        const auto name = string_value(v, path);
        const auto value = from_string<Enum>(name);
        if (!value) fail(path, fmt::format("unknown {} \"{}\" (expected one of: {})", what, name, joined_names<Enum>()));
        return *value;
    }

    /// Calls `each(element, path)` for every element of an optional array field.
    template <class F>
    void for_each(const json& object, const json_path& path, std::string_view key, F&& each) const {
        const auto* v = optional(object, key);
        if (!v) return;
        const auto here = path / key;
        check_array(*v, here);
        for (std::size_t i = 0; i < v->size(); ++i) each((*v)[i], here / i);
    }

    /// An array, of at most max_items elements.
    void check_array(const json& v, const json_path& path) const {
        if (!v.is_array()) fail(path, fmt::format("expected an array, got {}", type_name(v)));
        if (v.size() <= limits_.max_items) return;
        const auto at = position_of(text_, locate(text_, (path / limits_.max_items).steps()));
        over_limit(source_, at.line, at.column, fmt::format("more than {} elements in {}", limits_.max_items, display_path(path.steps())),
                   "max_items", limits_.max_items);
    }

    std::vector<std::string> string_list(const json& object, const json_path& path, std::string_view key) const {
        std::vector<std::string> out;
        for_each(object, path, key, [&](const json& v, const json_path& at) { out.push_back(string_value(v, at)); });
        return out;
    }

    std::string_view text_;
    std::string_view source_;
    read_limits limits_;
};

}  // namespace kehoach::detail
