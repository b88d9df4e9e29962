-- Reminders of the calendar's deadlines that have gone out: one row per unit, period, deadline (its kind and day)
-- and kind of reminder. The job inserts the row and publishes the event in one transaction, and only when the insert
-- took, so however many replicas of followup-service run the job, each reminder goes out once.
create table followup_reminder (
    unit_id       uuid        not null,
    period        text        not null,
    deadline      text        not null check (deadline in ('STATUS_REPORTS', 'ASSESSMENTS', 'APPROVAL')),
    deadline_date date        not null,
    kind          text        not null check (kind in ('REMINDER_DUE', 'DEADLINE_MISSED')),
    item_count    integer     not null,
    sent_at       timestamptz not null,
    primary key (unit_id, period, deadline, deadline_date, kind)
);
