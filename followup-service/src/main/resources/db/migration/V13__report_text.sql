-- The texts of a report (issue 21): summary, analysis per focus area, economy and forecast commentary, personnel.
-- Written per report (a plan's, or a unit's roll-up) and period; the report's snapshot keeps them as they were when
-- it was closed.
create table report_text (
    id         uuid primary key,
    report     text        not null check (report in ('PLAN', 'ROLLUP')),
    subject_id uuid        not null, -- the plan's id, or the roll-up's unit id
    period     text        not null,
    section    text        not null check (section in ('SUMMARY', 'ANALYSIS', 'ECONOMY', 'PERSONNEL')),
    area       text        not null default '', -- the focus area's code for ANALYSIS; empty otherwise
    body       text        not null,
    version    bigint      not null,
    written_by text        not null,
    written_at timestamptz not null,
    constraint report_text_section unique (report, subject_id, period, section, area)
);
