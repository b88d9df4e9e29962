-- Cost objects (uppdrag / ansvar): a tree for roll-ups. Only leaves carry registered outcomes;
-- a parent shows the sum of its subtree.
create table cost_object (
    id         uuid primary key,
    code       text        not null,
    name       text        not null,
    unit_id    uuid        not null,
    parent_id  uuid references cost_object (id),
    position   integer     not null,
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint cost_object_code unique (code)
);
create index cost_object_parent on cost_object (parent_id, position);
