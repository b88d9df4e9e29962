-- The organisation tree: region → board (nämnd/styrelse) → administration (förvaltning) → department → unit.
create table organisation_unit (
    id         uuid primary key,
    code       text        not null,
    name       text        not null,
    kind       text        not null check (kind in ('REGION', 'BOARD', 'ADMINISTRATION', 'DEPARTMENT', 'UNIT')),
    parent_id  uuid references organisation_unit (id),
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint organisation_unit_code unique (code)
);
create index organisation_unit_parent on organisation_unit (parent_id);
