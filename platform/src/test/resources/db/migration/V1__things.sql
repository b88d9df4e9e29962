create table thing (
    id     uuid primary key,
    name   text    not null unique,
    amount numeric(18, 2) not null
);

create table received_thing (
    event_id text not null,
    name     text not null
);
