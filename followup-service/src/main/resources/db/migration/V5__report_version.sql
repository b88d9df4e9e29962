-- Closed follow-ups: each close freezes the period report as a numbered snapshot. A follow-up is OPEN until
-- its first close, CLOSED or PUBLISHED after, and OPEN again when its latest version is reopened (with a reason).
create table report_version (
    id              uuid primary key,
    plan_id         uuid        not null,
    period          text        not null,
    number          integer     not null,
    snapshot        text        not null, -- the report JSON exactly as it was served
    closed_by       text        not null,
    closed_at       timestamptz not null,
    published_by    text,
    published_at    timestamptz,
    reopened_by     text,
    reopened_at     timestamptz,
    reopen_reason   text,
    constraint report_version_number unique (plan_id, period, number)
);
