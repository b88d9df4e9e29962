-- Quality indicators (kvalitetsindikatorer) of a plan and their yearly targets (målvärden). Every
-- person-based indicator is split by gender: the target then has women and men beside the total.
create table indicator (
    id            uuid primary key,
    plan_id       uuid        not null references plan (id),
    name          text        not null,
    description   text,
    category      text        not null check (category in ('STAFF', 'ECONOMY', 'QUALITY', 'OTHER')),
    level         text        not null check (level in ('REGION', 'ADMINISTRATION')),
    unit          text        not null,
    direction     text        not null check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    frequency     text        not null check (frequency in ('MONTHLY', 'TERTIAL', 'YEARLY')),
    gender_split  boolean     not null,
    external_code text,
    source        text        not null check (source in ('MANUAL', 'BUDGET')),
    position      integer     not null,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint indicator_name unique (plan_id, name)
);

create table indicator_target (
    id           uuid primary key,
    indicator_id uuid           not null references indicator (id) on delete cascade,
    year         integer        not null check (year between 2000 and 2100),
    total        numeric(18, 4) not null,
    women        numeric(18, 4),
    men          numeric(18, 4),
    set_by       text           not null,
    set_at       timestamptz    not null,
    constraint indicator_target_year unique (indicator_id, year)
);
