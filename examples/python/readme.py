import kehoach

plan = kehoach.Plan.from_json("examples/plans/chu-rang-2023.plan.json")
print(plan)
for item in plan:
    if item.deadline and item.deadline.kind == "after_event":
        print(item.id, item.roles["lead"], "chờ:", item.deadline.event)
report = plan.item("III.2")
print(report.title, report.roles["report_to"], report.deadline.recurrence)
print(plan.summary()["tasks_per_lead"][:3])

schedule = plan.schedule()  # from the issue date, on Vietnam's working days
table = schedule.to_pandas()
print(table[table.critical][["id", "early_finish", "late_finish", "total_slack"]])

# Where things stand on a date, from the units' status log, and who answers for what.
tracked = kehoach.read_plan("tests/data/tracking/ia-mo-2023.txt")
now = tracked.snapshot("tests/data/tracking/ia-mo-2023.status.csv", as_of="2023-06-15")
print(now.to_pandas()[["id", "category", "days_late", "days_left", "stale"]])
print(now.scorecard().to_pandas()[["unit", "role", "due", "on_time_rate"]])
print(now.escalation()[0].chain)  # lead unit, the plan's standing monitor, the signer
