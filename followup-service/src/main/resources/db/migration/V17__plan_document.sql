-- What a plan prints as a document besides what reports need: the texts, the activities' project marker and source
-- reference, the indicators' grouping, the adoption, and the budget-service's operating budgets and investments.
-- Rows received before this version lack them until the read model is replayed (docs/operations.md).
alter table reporting_plan add column adopted_by text;
alter table reporting_plan add column adopted_on date;
alter table reporting_focus_area add column description text;
alter table reporting_assignment add column description text;
alter table reporting_activity add column description text;
alter table reporting_activity add column start_date date;
alter table reporting_activity add column project boolean not null default false;
alter table reporting_activity add column source_reference text;
alter table reporting_indicator add column description text;
alter table reporting_indicator add column category text;
alter table reporting_indicator add column level text;

-- A unit's operating budget for a year (id = budget-service's budget id), in SEK.
create table reporting_operating_budget (
    id          uuid primary key,
    unit_id     uuid           not null,
    year        integer        not null,
    revenue     numeric(18, 2) not null,
    staff_costs numeric(18, 2) not null,
    other_costs numeric(18, 2) not null,
    net_budget  numeric(18, 2) not null,
    status      text           not null,
    adopted_on  date,
    version     bigint         not null,
    updated_at  timestamptz    not null
);
create index reporting_operating_budget_year on reporting_operating_budget (year, unit_id);

-- An investment project (id = budget-service's investment id). received keeps the order the projects were created
-- in, which is the order their tables list them: budget-service keys them by owner unit, so one unit's arrive in order.
create table reporting_investment (
    id                   uuid primary key,
    name                 text           not null,
    owner_unit_id        uuid           not null,
    investment_group     text,
    kind                 text           not null,
    total_project_budget numeric(18, 2),
    received             bigserial      not null,
    version              bigint         not null,
    updated_at           timestamptz    not null
);
create index reporting_investment_owner on reporting_investment (owner_unit_id);

create table reporting_investment_amount (
    investment_id uuid           not null references reporting_investment (id) on delete cascade,
    year          integer        not null,
    amount        numeric(18, 2) not null,
    primary key (investment_id, year)
);
