package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.platform.problem.ProblemException;

import java.util.UUID;

/**
 * Reads a whole plan as a {@link PlanTree}, after counting its activities: a plan larger than
 * {@code styrning.plans.max-tree-activities} is refused with a problem rather than allowed to exhaust the heap.
 */
@ApplicationScoped
public class PlanTrees {

    private final long maxActivities;

    PlanTrees(@ConfigProperty(name = "styrning.plans.max-tree-activities", defaultValue = "50000") long maxActivities) {
        this.maxActivities = maxActivities;
    }

    public PlanTree read(Plan plan) {
        long activities = Activity.count("planId", plan.id);
        if (activities > maxActivities) {
            throw ProblemException.tooLarge("The plan has " + activities + " activities; a plan tree holds at most "
                    + maxActivities + " (styrning.plans.max-tree-activities)");
        }
        return PlanTree.of(plan);
    }

    public PlanTree read(UUID planId) {
        return read(Plan.require(planId));
    }
}
