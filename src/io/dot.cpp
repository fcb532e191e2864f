#include <kehoach/io/dot.hpp>

#include <kehoach/error.hpp>
#include <kehoach/model/redact.hpp>

#include "../detail/utf8.hpp"

#include <fmt/format.h>

#include <set>
#include <span>
#include <utility>
#include <vector>

namespace kehoach {
namespace {

/// A DOT string's content: quotes and backslashes escaped, so nothing in a title ends the string
/// or starts an escape of Graphviz's own (\N, \l); line breaks and control characters become spaces.
std::string dot_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += static_cast<unsigned char>(c) < 0x20 || c == '\x7f' ? ' ' : c;
    }
    return out;
}

class dot_writer {
public:
    /// `portfolio`: a cluster per plan, even for one.
    dot_writer(std::span<const plan> plans, std::vector<implements_link> links, bool portfolio, const schedule* s,
               const dot_options& o)
        : plans_(plans), links_(std::move(links)), portfolio_(portfolio), s_(s), o_(o) {
        std::size_t total = 0;
        for (const auto& p : plans_) {
            first_.push_back(static_cast<vertex_index>(total));
            total += p.size();
            auto& children = children_.emplace_back(p.size());
            for (item_index i = 0; i < p.size(); ++i)
                if (const auto parent = p[i].parent) children[*parent].push_back(i);
        }
        if (s_ && s_->size() != total)
            throw error(fmt::format("the schedule has {} items, the {} has {}: it is not of this {}", s_->size(),
                                    portfolio_ ? "portfolio" : "plan", total, portfolio_ ? "portfolio" : "plan"));
        if (s_)
            for (const auto& path : s_->critical_paths(1000))
                for (std::size_t k = 1; k < path.size(); ++k) critical_edges_.emplace(path[k - 1], path[k]);
    }

    std::string run() {
        out_ += "digraph kehoach {\n";
        out_ += "  graph [rankdir=LR, compound=true, fontname=\"sans-serif\", labelloc=t];\n";
        out_ += "  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=10];\n";
        out_ += "  edge [fontname=\"sans-serif\", fontsize=9];\n";
        if (!portfolio_ && !plans_.empty()) out_ += fmt::format("  label=\"{}\";\n", dot_escape(plan_label(plans_[0])));
        for (std::size_t k = 0; k < plans_.size(); ++k) {
            std::string indent = "  ";
            if (portfolio_) {
                out_ += fmt::format("  subgraph \"cluster_plan{}\" {{\n    label=\"{}\";\n", k, dot_escape(plan_label(plans_[k])));
                indent += "  ";
            }
            const auto& p = plans_[k];
            for (item_index i = 0; i < p.size(); ++i)
                if (!p[i].parent) write_item(k, i, indent);
            for (event_index e = 0; e < p.events().size(); ++e) {
                const auto& ev = p.events()[e];
                auto label = dot_escape(detail::clipped(ev.text, o_.title_length));
                if (ev.date) label += "\\n" + to_text(*ev.date, o_.lang);
                out_ += fmt::format("{}\"e{}_{}\" [shape=note, style=\"\", label=\"{}\"];\n", indent, k, e, label);
            }
            if (portfolio_) out_ += "  }\n";
        }
        for (std::size_t k = 0; k < plans_.size(); ++k) {
            const auto& p = plans_[k];
            for (item_index i = 0; i < p.size(); ++i)
                for (const auto& dep : p[i].depends_on) write_dependency(k, i, dep);
        }
        for (const auto& link : links_) {
            out_ += fmt::format("  {} -> {} [{}style=bold, color=gray40, arrowhead=empty, label=\"{}\"];\n",
                                anchor(link.child_plan, link.child_item), anchor(link.parent_plan, link.parent_item),
                                clusters(link.child_plan, link.child_item, link.parent_plan, link.parent_item),
                                o_.lang == language::vi ? "thực hiện" : "implements");
        }
        out_ += "}\n";
        return std::move(out_);
    }

private:
    [[nodiscard]] vertex_index vertex(std::size_t k, item_index i) const { return first_[k] + i; }

    /// A section with items is drawn as a cluster; edges to it go to its first item, clipped at
    /// the cluster's border (lhead, ltail).
    [[nodiscard]] bool is_cluster(std::size_t k, item_index i) const {
        return plans_[k][i].kind == item_kind::group && !children_[k][i].empty();
    }

    [[nodiscard]] std::string anchor(std::size_t k, item_index i) const {
        while (is_cluster(k, i)) i = children_[k][i].front();
        return fmt::format("\"i{}\"", vertex(k, i));
    }

    [[nodiscard]] std::string clusters(std::size_t from_plan, item_index from, std::size_t to_plan, item_index to) const {
        std::string out;
        if (is_cluster(from_plan, from)) out += fmt::format("ltail=\"cluster_i{}\", ", vertex(from_plan, from));
        if (is_cluster(to_plan, to)) out += fmt::format("lhead=\"cluster_i{}\", ", vertex(to_plan, to));
        return out;
    }

    [[nodiscard]] bool critical(vertex_index v) const { return s_ && s_->critical()[v]; }

    std::string plan_label(const plan& p) const {
        const auto& info = p.info;
        std::string out = info.number;
        for (const auto* part : {&info.issuer, &info.title})
            if (!part->empty()) out += (out.empty() ? "" : " — ") + *part;
        return out;
    }

    void write_item(std::size_t k, item_index i, const std::string& indent) {
        const auto& it = plans_[k][i];
        const auto v = vertex(k, i);
        const auto name = it.number.empty() ? it.id : it.number;
        const auto label = dot_escape(name) + "\\n" + dot_escape(detail::clipped(it.title, o_.title_length));
        if (!is_cluster(k, i)) {
            std::string style = it.kind == item_kind::group ? ", style=\"rounded,bold\"" : "";
            if (critical(v)) style += ", color=red, penwidth=2";
            out_ += fmt::format("{}\"i{}\" [label=\"{}\", tooltip=\"{}\"{}];\n", indent, v, label, dot_escape(it.id), style);
            return;
        }
        out_ += fmt::format("{}subgraph \"cluster_i{}\" {{\n{}  label=\"{}\";\n{}  style=rounded;\n", indent, v, indent,
                            dot_escape(name) + " " + dot_escape(detail::clipped(it.title, o_.title_length)), indent);
        for (auto child : children_[k][i]) write_item(k, child, indent + "  ");
        out_ += indent + "}\n";
    }

    void write_dependency(std::size_t k, item_index i, const dependency& dep) {
        const auto to = anchor(k, i);
        if (dep.type == dependency_type::after_event) {
            out_ += fmt::format("  \"e{}_{}\" -> {} [{}style=dotted];\n", k, dep.target, to,
                                is_cluster(k, i) ? fmt::format("lhead=\"cluster_i{}\", ", vertex(k, i)) : "");
            return;
        }
        std::string attributes = clusters(k, dep.target, k, i);
        std::string label = dep.type == dependency_type::start_to_start    ? "SS"
                            : dep.type == dependency_type::finish_to_finish ? "FF"
                                                                            : "";
        if (dep.lag) label += fmt::format("{:+}", dep.lag);
        if (dep.type != dependency_type::finish_to_start) attributes += "style=dashed, ";
        if (!label.empty()) attributes += fmt::format("label=\"{}\", ", label);
        if (critical_edges_.contains({vertex(k, dep.target), vertex(k, i)})) attributes += "color=red, penwidth=2, ";
        if (!attributes.empty()) attributes.resize(attributes.size() - 2);
        out_ += fmt::format("  {} -> {}{}{}{};\n", anchor(k, dep.target), to, attributes.empty() ? "" : " [", attributes,
                            attributes.empty() ? "" : "]");
    }

    std::span<const plan> plans_;
    std::vector<implements_link> links_;
    bool portfolio_;
    const schedule* s_;
    const dot_options& o_;
    std::vector<vertex_index> first_;
    std::vector<std::vector<std::vector<item_index>>> children_;  ///< by plan, by item
    std::set<std::pair<vertex_index, vertex_index>> critical_edges_;
    std::string out_;
};

}  // namespace

std::string to_dot(const plan& p, const schedule* s, const dot_options& options) {
    if (options.redact) {
        const auto hidden = redacted(p, options.lang);
        return dot_writer(std::span(&hidden, 1), {}, false, s, options).run();
    }
    return dot_writer(std::span(&p, 1), {}, false, s, options).run();
}

std::string to_dot(const portfolio& all, const schedule* s, const dot_options& options) {
    if (options.redact) {
        const auto hidden = redacted(all, options.lang);
        return dot_writer(hidden.plans(), hidden.links(), true, s, options).run();
    }
    return dot_writer(all.plans(), all.links(), true, s, options).run();
}

}  // namespace kehoach
