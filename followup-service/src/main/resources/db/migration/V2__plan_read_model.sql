-- followup-service's copy of plan content, kept from plan.events: only what reports need. Each row keeps
-- plan-service's version, so a late, older event changes nothing.
create table reporting_plan (
    id         uuid primary key,
    unit_id    uuid        not null,
    year       integer     not null,
    title      text        not null,
    status     text        not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

create table reporting_focus_area (
    id         uuid primary key,
    plan_id    uuid        not null,
    code       text        not null,
    title      text        not null,
    position   integer     not null,
    version    bigint      not null,
    updated_at timestamptz not null
);
create index reporting_focus_area_plan on reporting_focus_area (plan_id);

create table reporting_assignment (
    id                   uuid primary key,
    plan_id              uuid        not null,
    focus_area_id        uuid        not null,
    number               text        not null,
    title                text        not null,
    kind                 text        not null,
    parent_assignment_id uuid,
    position             integer     not null,
    version              bigint      not null,
    updated_at           timestamptz not null
);
create index reporting_assignment_plan on reporting_assignment (plan_id);

create table reporting_activity (
    id                  uuid primary key,
    plan_id             uuid        not null,
    assignment_id       uuid        not null,
    parent_activity_id  uuid,
    title               text        not null,
    responsible_unit_id uuid,
    end_date            date,
    cancelled           boolean     not null,
    position            integer     not null,
    version             bigint      not null,
    updated_at          timestamptz not null
);
create index reporting_activity_plan on reporting_activity (plan_id);

-- Every status report, so the status of an activity on any date is known.
create table activity_status_report (
    event_id        text primary key,
    activity_id     uuid        not null,
    plan_id         uuid        not null,
    previous_status text        not null,
    status          text        not null,
    comment         text,
    comment_missing boolean     not null,
    effective_date  date        not null,
    changed_by      text        not null,
    changed_at      timestamptz not null
);
create index activity_status_report_activity on activity_status_report (activity_id, effective_date, changed_at);
create index activity_status_report_plan on activity_status_report (plan_id, effective_date);
