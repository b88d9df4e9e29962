-- An activity carried over from last year's plan (not DONE then) points at where it came from.
alter table activity add column carried_over_from uuid references activity (id);
