-- The goal hierarchy of a plan: focus areas (fokusområden) → assignments (uppdrag, region-wide or the
-- administration's own) → activities (aktiviteter, with sub-activities). plan_id is repeated on every level
-- so a whole plan is read with one query per level.
create table focus_area (
    id          uuid primary key,
    plan_id     uuid        not null references plan (id),
    code        text        not null,
    title       text        not null,
    description text,
    position    integer     not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    constraint focus_area_code unique (plan_id, code)
);

create table assignment (
    id                   uuid primary key,
    plan_id              uuid        not null references plan (id),
    focus_area_id        uuid        not null references focus_area (id),
    number               text        not null,
    title                text        not null,
    description          text,
    kind                 text        not null check (kind in ('REGION_WIDE', 'ADMINISTRATION')),
    parent_assignment_id uuid references assignment (id),
    position             integer     not null,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint assignment_number unique (focus_area_id, number)
);
create index assignment_plan on assignment (plan_id);

create table activity (
    id                  uuid primary key,
    plan_id             uuid        not null references plan (id),
    assignment_id       uuid        not null references assignment (id),
    parent_activity_id  uuid references activity (id),
    title               text        not null,
    description         text,
    responsible_unit_id uuid references organisation_unit (id),
    owner               text,
    start_date          date,
    end_date            date,
    project             boolean     not null,
    source_reference    text,
    position            integer     not null,
    cancelled           boolean     not null default false,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint activity_dates check (start_date is null or end_date is null or end_date >= start_date)
);
create index activity_plan on activity (plan_id);
create index activity_assignment on activity (assignment_id);
