-- Indicators and their yearly targets as plan-service publishes them, and the outcomes registered here.
create table reporting_indicator (
    id            uuid primary key,
    plan_id       uuid        not null,
    name          text        not null,
    unit          text        not null,
    direction     text        not null,
    frequency     text        not null,
    gender_split  boolean     not null,
    external_code text,
    source        text        not null,
    position      integer     not null,
    version       bigint      not null,
    updated_at    timestamptz not null
);
create index reporting_indicator_plan on reporting_indicator (plan_id);

create table reporting_indicator_target (
    indicator_id uuid           not null,
    year         integer        not null,
    total        numeric(18, 4) not null,
    women        numeric(18, 4),
    men          numeric(18, 4),
    primary key (indicator_id, year)
);

-- Indicator outcomes (utfall) per period, with women and men beside the total for gender-split indicators.
create table indicator_outcome (
    id           uuid primary key,
    indicator_id uuid           not null,
    plan_id      uuid           not null,
    period       text           not null,
    total        numeric(18, 4) not null,
    women        numeric(18, 4),
    men          numeric(18, 4),
    source       text           not null check (source in ('MANUAL', 'KOLADA')),
    version      bigint         not null,
    recorded_by  text           not null,
    recorded_at  timestamptz    not null,
    constraint indicator_outcome_period unique (indicator_id, period)
);
create index indicator_outcome_plan_period on indicator_outcome (plan_id, period);
