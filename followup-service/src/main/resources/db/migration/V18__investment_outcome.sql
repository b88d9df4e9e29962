-- An investment project's figures for a month (id = budget-service's outcome id), for the investment forecast
-- deviation an indicator reads. Events published before this version are read when the read model is replayed.
create table reporting_investment_outcome (
    id            uuid primary key,
    investment_id uuid           not null,
    month         date           not null,
    spent_ytd     numeric(18, 2) not null,
    forecast      numeric(18, 2) not null,
    comment       text,
    version       bigint         not null,
    updated_at    timestamptz    not null
);
create index reporting_investment_outcome_month on reporting_investment_outcome (investment_id, month);
