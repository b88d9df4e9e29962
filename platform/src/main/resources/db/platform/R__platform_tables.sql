-- Tables the platform runtime needs in every service database. A repeatable migration written to be
-- idempotent, so it can change without clashing with the service's own versioned migrations: add
-- columns with "add column if not exists", never drop.

-- Outbox (Debezium's outbox layout plus "position" for strict relay order).
create table if not exists outbox_event (
    id             uuid primary key,
    position       bigint generated always as identity,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    type           text        not null,
    payload        jsonb       not null,
    occurred_at    timestamptz not null,
    published_at   timestamptz
);
-- The W3C trace context of the transaction that wrote the row, sent with the event (null when nothing was traced).
alter table outbox_event add column if not exists traceparent text;
create unique index if not exists outbox_event_position on outbox_event (position);
create index if not exists outbox_event_unpublished on outbox_event (position) where published_at is null;
create index if not exists outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Inbox: one row per event a consumer has applied; a redelivered event finds its row and is skipped.
create table if not exists processed_event (
    event_id     text        not null,
    consumer     text        not null,
    processed_at timestamptz not null default now(),
    primary key (event_id, consumer)
);

-- Audit trail: who changed what, when, with the state before and after.
create table if not exists audit_entry (
    id          uuid primary key,
    occurred_at timestamptz not null,
    subject     text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    before      jsonb,
    after       jsonb,
    request_id  text
);
create index if not exists audit_entry_entity on audit_entry (entity_type, entity_id, occurred_at);
create index if not exists audit_entry_occurred_at on audit_entry (occurred_at);

-- Idempotency-Key: the answer to a creating POST, replayed when the same client sends the same key again.
create table if not exists idempotency_key (
    subject      text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       integer     not null,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz not null default now(),
    primary key (subject, key)
);
create index if not exists idempotency_key_created_at on idempotency_key (created_at);
