package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.OrganisationUnit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A unit and the units below it. */
@Schema(description = "A unit with the units below it")
public record UnitTreeResponse(UnitResponse unit, List<UnitTreeResponse> children) {

    static UnitTreeResponse of(UUID rootId, List<OrganisationUnit> subtree) {
        // the root's own parent is left out: where racing moves left a cycle, it is one of the units below
        Map<UUID, List<OrganisationUnit>> byParent = subtree.stream().filter(u -> u.parentId != null && !u.id.equals(rootId))
                .collect(Collectors.groupingBy(u -> u.parentId));
        OrganisationUnit root = subtree.stream().filter(u -> u.id.equals(rootId)).findFirst().orElseThrow();
        return node(root, byParent);
    }

    private static UnitTreeResponse node(OrganisationUnit unit, Map<UUID, List<OrganisationUnit>> byParent) {
        return new UnitTreeResponse(UnitResponse.from(unit),
                byParent.getOrDefault(unit.id, List.of()).stream().map(child -> node(child, byParent)).toList());
    }
}
