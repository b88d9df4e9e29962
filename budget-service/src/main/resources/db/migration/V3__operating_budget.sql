-- Operating budget (driftbudget) per unit and year, one amount per account class. The net budget
-- (budgetram) is their sum and is never stored. Every state it has had is kept in its history.
create table operating_budget (
    id          uuid primary key,
    unit_id     uuid           not null,
    year        integer        not null check (year between 2000 and 2100),
    revenue     numeric(18, 2) not null check (revenue <= 0),
    staff_costs numeric(18, 2) not null check (staff_costs >= 0),
    other_costs numeric(18, 2) not null check (other_costs >= 0),
    status      text           not null check (status in ('DRAFT', 'ADOPTED')),
    adopted_on  date,
    version     bigint         not null,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    constraint operating_budget_unit_year unique (unit_id, year)
);

create table operating_budget_history (
    id             uuid primary key,
    budget_id      uuid           not null references operating_budget (id),
    number         integer        not null,
    change         text           not null check (change in ('CREATED', 'UPDATED', 'ADOPTED', 'REVISED')),
    revenue        numeric(18, 2) not null,
    staff_costs    numeric(18, 2) not null,
    other_costs    numeric(18, 2) not null,
    reason         text,
    effective_date date           not null,
    changed_by     text           not null,
    changed_at     timestamptz    not null,
    constraint operating_budget_history_number unique (budget_id, number)
);
