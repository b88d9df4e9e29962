-- The follow-up routine (issue 23): the plan's unit marks its input ready, a controller of the unit or a unit above
-- approves, then the follow-up is closed and published. report_sign_off holds the steps taken since the last reopen
-- (every step locks its row, so two steps on one follow-up never interleave); each close copies them onto its
-- version, and publishing requires that version to have been approved. A reopen clears them.
create table report_sign_off (
    plan_id     uuid not null,
    period      text not null,
    ready_by    text,
    ready_at    timestamptz,
    approved_by text,
    approved_at timestamptz,
    primary key (plan_id, period),
    constraint report_sign_off_approved_when_ready check (approved_at is null or ready_at is not null)
);

alter table report_version
    add column ready_by    text,
    add column ready_at    timestamptz,
    add column approved_by text,
    add column approved_at timestamptz;
