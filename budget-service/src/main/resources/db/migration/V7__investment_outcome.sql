-- An investment project's monthly follow-up: what it has spent so far in the year and the forecast for the year,
-- from which the investment forecast deviation (Prognos investeringsbudgetavvikelse, seed 001 §3.3.2) follows.
create table investment_outcome (
    id            uuid primary key,
    investment_id uuid           not null references investment (id) on delete cascade,
    month         date           not null check (extract(day from month) = 1),
    spent_ytd     numeric(18, 2) not null check (spent_ytd >= 0),
    forecast      numeric(18, 2) not null check (forecast >= 0),
    comment       text,
    version       bigint         not null,
    registered_by text           not null,
    registered_at timestamptz    not null,
    unique (investment_id, month)
);
