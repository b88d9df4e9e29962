-- Live status (seed 002's legend). The activity holds its current status; every report is kept in
-- activity_status_change with its effective date, so the status as of any date can be told.
alter table activity
    add column status text not null default 'NOT_STARTED'
        check (status in ('PAUSED', 'NOT_STARTED', 'PARTLY_ON_PLAN', 'OFF_PLAN', 'DONE', 'ONGOING')),
    add column status_comment         text,
    add column status_comment_missing boolean not null default true,
    add column status_effective_date  date,
    add column status_changed_by      text,
    add column status_changed_at      timestamptz;

create table activity_status_change (
    id              uuid primary key,
    activity_id     uuid        not null references activity (id) on delete cascade,
    plan_id         uuid        not null references plan (id),
    previous_status text        not null,
    status          text        not null,
    comment         text,
    comment_missing boolean     not null,
    effective_date  date        not null,
    changed_by      text        not null,
    changed_at      timestamptz not null
);
create index activity_status_change_activity on activity_status_change (activity_id, effective_date, changed_at);
create index activity_status_change_plan on activity_status_change (plan_id, effective_date);
