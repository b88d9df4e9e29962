-- Assessments (bedömningar) of assignments per period (seed 002): fulfilment and the analysis behind it.
create table assessment (
    id            uuid primary key,
    assignment_id uuid        not null,
    plan_id       uuid        not null,
    period        text        not null,
    fulfilment    text        not null check (fulfilment in ('FULFILLED', 'PARTLY_FULFILLED', 'NOT_FULFILLED')),
    comment       text,
    version       bigint      not null,
    assessed_by   text        not null,
    assessed_at   timestamptz not null,
    constraint assessment_assignment_period unique (assignment_id, period)
);
create index assessment_plan_period on assessment (plan_id, period);
