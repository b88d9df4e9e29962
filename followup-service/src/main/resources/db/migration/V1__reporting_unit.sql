-- followup-service's own copy of the organisation tree, kept from plan.events (unit-upserted.v1).
create table reporting_unit (
    id         uuid primary key,
    code       text        not null,
    name       text        not null,
    kind       text        not null,
    parent_id  uuid,
    version    bigint      not null,
    updated_at timestamptz not null
);
create index reporting_unit_parent on reporting_unit (parent_id);
