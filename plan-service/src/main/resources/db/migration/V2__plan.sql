-- Verksamhetsplan: one per unit and year; DRAFT → ADOPTED (fastställd) → CLOSED.
create table plan (
    id         uuid primary key,
    unit_id    uuid        not null references organisation_unit (id),
    year       integer     not null check (year between 2000 and 2100),
    title      text        not null,
    status     text        not null check (status in ('DRAFT', 'ADOPTED', 'CLOSED')),
    adopted_by text,
    adopted_on date,
    closed_at  timestamptz,
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint plan_unit_year unique (unit_id, year)
);
create index plan_year on plan (year);
