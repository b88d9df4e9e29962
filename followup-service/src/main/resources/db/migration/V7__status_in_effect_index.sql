-- The status in effect at a period's end, per activity of a plan (PeriodReports): an ordered index scan instead of
-- sorting the plan's whole history. Motivated by bench's report-scale scenario (docs/performance.md).
create index activity_status_report_latest
    on activity_status_report (plan_id, activity_id, effective_date desc, changed_at desc);
