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
