-- Open deviations are listed per unit and month (GET /api/budget-deviations), so a deviation keeps the thresholds it
-- was detected against (its rule may change or go since) and a version that counts its changes while open.
alter table budget_deviation add column absolute_threshold numeric(18, 2);
alter table budget_deviation add column relative_threshold numeric(7, 2);
alter table budget_deviation add column version bigint not null default 0;
update budget_deviation d set absolute_threshold = r.absolute_threshold, relative_threshold = r.relative_threshold
from deviation_rule r where r.id = d.rule_id;
create index budget_deviation_cost_object on budget_deviation (cost_object_id, detected_month);
create index cost_object_unit on cost_object (unit_id);
