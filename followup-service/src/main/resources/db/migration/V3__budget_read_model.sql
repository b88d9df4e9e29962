-- followup-service's copy of what budget-service publishes on budget.events, for the economy section of reports.
create table reporting_cost_object (
    id         uuid primary key,
    code       text        not null,
    name       text        not null,
    unit_id    uuid        not null,
    parent_id  uuid,
    position   integer     not null,
    version    bigint      not null,
    updated_at timestamptz not null
);
create index reporting_cost_object_unit on reporting_cost_object (unit_id);

-- One row per cost object and month: the latest registration (id = budget-service's outcome id).
create table reporting_outcome (
    id                       uuid primary key,
    cost_object_id           uuid           not null,
    month                    date           not null,
    result_ytd               numeric(18, 2) not null,
    budget_ytd               numeric(18, 2) not null,
    annual_budget            numeric(18, 2) not null,
    forecast_result          numeric(18, 2) not null,
    cost_development_percent numeric(9, 2),
    comment                  text,
    explanation_missing      boolean        not null,
    version                  bigint         not null,
    updated_at               timestamptz    not null,
    constraint reporting_outcome_month unique (cost_object_id, month)
);

-- Deviations beyond their thresholds, from detection until resolution (id = budget-service's deviation id).
create table reporting_deviation (
    id                  uuid primary key,
    cost_object_id      uuid           not null,
    figure              text           not null,
    detected_month      date           not null,
    amount              numeric(18, 2) not null,
    relative_percent    numeric(9, 2),
    absolute_threshold  numeric(18, 2),
    relative_threshold  numeric(7, 2),
    comment             text,
    explanation_missing boolean        not null,
    resolved_month      date,
    version             bigint         not null,
    updated_at          timestamptz    not null
);
create index reporting_deviation_cost_object on reporting_deviation (cost_object_id);
