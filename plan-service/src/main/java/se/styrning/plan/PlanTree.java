package se.styrning.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.panache.common.Sort;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole plan read in four queries (plan, focus areas, assignments, activities) and assembled in memory:
 * focus areas → assignments (administration assignments nested under their region-wide one) → activities
 * (sub-activities nested), each level in position order.
 */
public record PlanTree(Plan plan, List<AreaNode> focusAreas) {

    public record AreaNode(FocusArea focusArea, List<AssignmentNode> assignments) {
    }

    public record AssignmentNode(Assignment assignment, List<AssignmentNode> assignments, List<ActivityNode> activities) {
    }

    public record ActivityNode(Activity activity, List<ActivityNode> subActivities) {
    }

    public static PlanTree of(Plan plan) {
        List<FocusArea> areas = FocusArea.list("planId", Sort.by("position").and("code"), plan.id);
        List<Assignment> assignments = Assignment.list("planId", Sort.by("position").and("number"), plan.id);
        List<Activity> activities = Activity.list("planId", Sort.by("position").and("createdAt"), plan.id);

        Map<UUID, List<Activity>> activitiesByParent = group(activities, a -> a.parentActivityId);
        Map<UUID, List<Activity>> topActivitiesByAssignment = group(
                activities.stream().filter(a -> a.parentActivityId == null).toList(), a -> a.assignmentId);
        Map<UUID, List<Assignment>> assignmentsByParent = group(assignments, a -> a.parentAssignmentId);
        Map<UUID, List<Assignment>> topAssignmentsByArea = group(
                assignments.stream().filter(a -> a.parentAssignmentId == null).toList(), a -> a.focusAreaId);

        Function<Activity, ActivityNode> activityNode = new Function<>() {
            @Override
            public ActivityNode apply(Activity activity) {
                return new ActivityNode(activity, children(activitiesByParent, activity.id, this));
            }
        };
        Function<Assignment, AssignmentNode> assignmentNode = new Function<>() {
            @Override
            public AssignmentNode apply(Assignment assignment) {
                return new AssignmentNode(assignment, children(assignmentsByParent, assignment.id, this),
                        children(topActivitiesByAssignment, assignment.id, activityNode));
            }
        };
        return new PlanTree(plan, areas.stream()
                .map(area -> new AreaNode(area, children(topAssignmentsByArea, area.id, assignmentNode)))
                .toList());
    }

    private static <T> Map<UUID, List<T>> group(Collection<T> items, Function<T, UUID> key) {
        return items.stream().filter(item -> key.apply(item) != null)
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toCollection(ArrayList::new)));
    }

    private static <T, N> List<N> children(Map<UUID, List<T>> byParent, UUID parent, Function<T, N> node) {
        return byParent.getOrDefault(parent, List.of()).stream().map(node).toList();
    }

    /** How much a plan holds, and how its activities stand. */
    @Schema(name = "PlanCounts", description = "How much a plan holds and how its (not cancelled) activities stand")
    public record Counts(long focusAreas, long assignments, long activities, long cancelledActivities,
                         Map<ActivityStatus, Long> activitiesByStatus) {

        public static Counts of(UUID planId) {
            Map<ActivityStatus, Long> byStatus = new java.util.EnumMap<>(ActivityStatus.class);
            for (ActivityStatus status : ActivityStatus.values()) {
                byStatus.put(status, 0L);
            }
            Activity.getEntityManager().createQuery("""
                            select a.status, count(a) from Activity a
                            where a.planId = :plan and a.cancelled = false group by a.status""", Object[].class)
                    .setParameter("plan", planId)
                    .getResultList()
                    .forEach(row -> byStatus.put((ActivityStatus) row[0], (Long) row[1]));
            return new Counts(FocusArea.count("planId", planId), Assignment.count("planId", planId),
                    Activity.count("planId = ?1 and cancelled = false", planId),
                    Activity.count("planId = ?1 and cancelled = true", planId), byStatus);
        }
    }
}
