-- Monthly outcomes of leaf cost objects. Deviations are derived from these figures, never stored.
create table outcome (
    id                  uuid primary key,
    cost_object_id      uuid           not null references cost_object (id),
    month               date           not null check (extract(day from month) = 1),
    result_ytd          numeric(18, 2) not null,
    budget_ytd          numeric(18, 2) not null,
    annual_budget       numeric(18, 2) not null,
    forecast_result     numeric(18, 2) not null,
    comment             text,
    explanation_missing boolean        not null,
    version             bigint         not null,
    registered_by       text           not null,
    registered_at       timestamptz    not null,
    constraint outcome_cost_object_month unique (cost_object_id, month)
);
create index outcome_month on outcome (month);

-- Thresholds for deviations: global (no cost object) or for a cost object and its subtree.
create table deviation_rule (
    id                 uuid primary key,
    cost_object_id     uuid references cost_object (id),
    figure             text           not null check (figure in ('FORECAST_DEVIATION', 'DEVIATION_YTD')),
    absolute_threshold numeric(18, 2) check (absolute_threshold > 0),
    relative_threshold numeric(7, 2) check (relative_threshold > 0),
    version            bigint         not null,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    check (absolute_threshold is not null or relative_threshold is not null)
);
create unique index deviation_rule_scope on deviation_rule (coalesce(cost_object_id, '00000000-0000-0000-0000-000000000000'), figure);

-- A deviation beyond its threshold, open from the month it was detected until a registration within.
create table budget_deviation (
    id                  uuid primary key,
    cost_object_id      uuid           not null references cost_object (id),
    figure              text           not null,
    detected_month      date           not null,
    amount              numeric(18, 2) not null,
    relative_percent    numeric(9, 2),
    rule_id             uuid           not null,
    comment             text,
    explanation_missing boolean        not null,
    detected_at         timestamptz    not null,
    resolved_month      date,
    resolved_at         timestamptz
);
create unique index budget_deviation_open on budget_deviation (cost_object_id, figure) where resolved_at is null;
