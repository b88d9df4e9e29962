-- Investment budget: projects with an owner unit, a group, a kind and amounts per year.
create table investment (
    id                   uuid primary key,
    name                 text           not null,
    owner_unit_id        uuid           not null,
    investment_group     text check (investment_group in ('DECIDED', 'NEW_NEED', 'REINVESTMENT')),
    kind                 text           not null check (kind in ('NEW', 'REINVESTMENT', 'BOTH')),
    total_project_budget numeric(18, 2) check (total_project_budget >= 0),
    version              bigint         not null,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null
);
create index investment_owner on investment (owner_unit_id);

create table investment_amount (
    investment_id uuid           not null references investment (id) on delete cascade,
    year          integer        not null check (year between 2000 and 2100),
    amount        numeric(18, 2) not null check (amount >= 0),
    primary key (investment_id, year)
);
