-- The follow-up calendar (uppföljningskalender): per year, each period followed up and its three deadlines.
-- The region's default has neither unit nor plan; a unit's (for it and the units below) or a plan's own differs.
create table followup_calendar (
    id         uuid primary key,
    year       integer     not null check (year between 2000 and 2100),
    unit_id    uuid,
    plan_id    uuid,
    version    bigint      not null,
    changed_by text        not null,
    changed_at timestamptz not null,
    constraint followup_calendar_one_scope check (unit_id is null or plan_id is null),
    constraint followup_calendar_year_scope unique nulls not distinct (year, unit_id, plan_id)
);

-- A period left out of a calendar is not followed up.
create table followup_deadline (
    calendar_id    uuid not null references followup_calendar (id) on delete cascade,
    period         text not null,
    status_reports date not null,
    assessments    date not null,
    approval       date not null,
    primary key (calendar_id, period)
);
