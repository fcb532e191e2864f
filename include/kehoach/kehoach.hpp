#pragma once
/// @file The whole public API of kehoach.

#include <kehoach/version.hpp>

#include <kehoach/diagnostic.hpp>
#include <kehoach/enum_names.hpp>
#include <kehoach/error.hpp>
#include <kehoach/language.hpp>
#include <kehoach/limits.hpp>

#include <kehoach/text/normalize.hpp>
#include <kehoach/text/redact.hpp>

#include <kehoach/time/calendar.hpp>
#include <kehoach/time/date.hpp>
#include <kehoach/time/deadline.hpp>
#include <kehoach/time/lunar.hpp>
#include <kehoach/time/recurrence.hpp>

#include <kehoach/model/event.hpp>
#include <kehoach/model/item.hpp>
#include <kehoach/model/plan.hpp>
#include <kehoach/model/portfolio.hpp>
#include <kehoach/model/redact.hpp>
#include <kehoach/model/unit.hpp>

#include <kehoach/parse/plan_reader.hpp>
#include <kehoach/parse/unit_names.hpp>

#include <kehoach/graph/plan_graph.hpp>
#include <kehoach/graph/schedule.hpp>
#include <kehoach/graph/synthetic.hpp>

#include <kehoach/track/snapshot.hpp>
#include <kehoach/track/status_log.hpp>

#include <kehoach/analysis/accountability.hpp>
#include <kehoach/analysis/lint.hpp>
#include <kehoach/analysis/summary.hpp>

#include <kehoach/io/dot.hpp>
#include <kehoach/io/file.hpp>
#include <kehoach/io/ics.hpp>
#include <kehoach/io/item_table.hpp>
#include <kehoach/io/lint_json.hpp>
#include <kehoach/io/plan_json.hpp>
#include <kehoach/io/report.hpp>
#include <kehoach/io/schedule_json.hpp>
#include <kehoach/io/snapshot_json.hpp>
