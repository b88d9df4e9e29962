-- The organisation tree as plan-service publishes it (unit-upserted on plan.events): only what
-- unit-scoped write access needs. plan-service owns units; this is a copy kept by a consumer.
create table known_unit (
    id         uuid primary key,
    code       text        not null,
    name       text        not null,
    parent_id  uuid,
    version    bigint      not null,
    updated_at timestamptz not null
);
create index known_unit_parent on known_unit (parent_id);
