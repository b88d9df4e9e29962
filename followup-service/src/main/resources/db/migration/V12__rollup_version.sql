-- Closed roll-up reports (issue 21): a unit's report over every plan of the year in its subtree, frozen as a numbered
-- snapshot on close, as report_version does for one plan. plans_approved says whether every plan under the unit was
-- approved when it was closed; only such a version is published.
create table rollup_version (
    id             uuid primary key,
    unit_id        uuid        not null,
    period         text        not null,
    number         integer     not null,
    snapshot       text        not null, -- the report JSON exactly as it was served
    plans_approved boolean     not null,
    closed_by      text        not null,
    closed_at      timestamptz not null,
    published_by   text,
    published_at   timestamptz,
    reopened_by    text,
    reopened_at    timestamptz,
    reopen_reason  text,
    constraint rollup_version_number unique (unit_id, period, number)
);
