package se.styrning.followup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A controller's overview of a period: the open work of a unit and of every unit below it, counted by kind. */
@Schema(description = "The open work of a unit and every unit below it, counted per unit and kind; a unit with none is done")
public record WorkOverview(UUID unitId, String period,
                           @Schema(description = "The subtree's open work by kind") Map<WorkKind, Integer> byKind,
                           @Schema(description = "The subtree's open work") int total,
                           @Schema(description = "The unit, then the units below it depth-first, siblings by code") List<UnitWork> units) {

    @Schema(description = "One unit's own open work (not that of the units below it)")
    public record UnitWork(UUID unitId, String code, String name, UUID parentId,
                           @Schema(description = "Levels below the overview's unit: 0 for itself") int depth,
                           Map<WorkKind, Integer> byKind, int total,
                           @Schema(description = "Nothing open") boolean done) {
    }

    static WorkOverview of(UUID unitId, String period, List<UnitWork> units) {
        Map<WorkKind, Integer> byKind = counts(List.of());
        units.forEach(unit -> unit.byKind().forEach((kind, count) -> byKind.merge(kind, count, Integer::sum)));
        return new WorkOverview(unitId, period, byKind, units.stream().mapToInt(UnitWork::total).sum(), units);
    }

    /** Every kind, in order, with how often it occurs. */
    public static Map<WorkKind, Integer> counts(List<WorkKind> kinds) {
        Map<WorkKind, Integer> counts = new EnumMap<>(WorkKind.class);
        for (WorkKind kind : WorkKind.values()) {
            counts.put(kind, 0);
        }
        kinds.forEach(kind -> counts.merge(kind, 1, Integer::sum));
        return counts;
    }
}
