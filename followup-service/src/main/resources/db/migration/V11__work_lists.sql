-- Work lists (issue 23) find the plans in which a unit is responsible for activities, also in other units' plans
-- (a department's activities in its administration's plan), without reading every activity of the year's plans.
create index reporting_activity_responsible on reporting_activity (responsible_unit_id, plan_id);
