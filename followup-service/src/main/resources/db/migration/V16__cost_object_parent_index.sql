-- A report's economy reads the cost objects of its unit and the subtrees below them (EconomySection): walked down
-- parent_id, so a region's report does not read every cost object of the region for each plan.
create index reporting_cost_object_parent on reporting_cost_object (parent_id);
