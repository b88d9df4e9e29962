package se.styrning.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The outcome table of a month (seed 004 §1.2): every cost object with its six figures, parents summed. */
public final class OutcomeTree {

    private OutcomeTree() {
    }

    @Schema(description = "A cost object's line of the month's outcome table; a parent's figures sum its subtree's leaves")
    public record Node(UUID costObjectId, String code, String name, UUID unitId,
                       @Schema(description = "Whether figures are registered here (leaves) or below (parents)")
                       boolean registered,
                       BigDecimal resultYtd, BigDecimal budgetYtd, BigDecimal deviationYtd,
                       BigDecimal annualBudget, BigDecimal forecastResult, BigDecimal forecastDeviation,
                       @Schema(description = "Result year to date against the same month a year before, in %; null without a base or across a change of sign")
                       BigDecimal costDevelopmentPercent,
                       String comment,
                       @Schema(description = "A deviation beyond its threshold without an explanation, here or below")
                       boolean explanationMissing,
                       List<Node> children) {
    }

    /** The trees under {@code rootId}, or under every top-level cost object when it is null. */
    public static List<Node> of(UUID rootId, YearMonth month) {
        List<CostObject> objects = rootId != null ? CostObject.subtree(rootId)
                : CostObject.<CostObject>list("order by position, code").stream()
                .filter(o -> o.parentId == null).flatMap(top -> CostObject.subtree(top.id).stream()).toList();
        List<UUID> ids = objects.stream().map(o -> o.id).toList();
        Map<UUID, Outcome> current = outcomes(ids, month);
        Map<UUID, Outcome> yearBefore = outcomes(ids, month.minusYears(1));
        // the root's own parent is left out: where racing moves left a cycle, it is one of the objects below
        Map<UUID, List<CostObject>> byParent = objects.stream().filter(o -> o.parentId != null && !o.id.equals(rootId))
                .collect(Collectors.groupingBy(o -> o.parentId));
        List<Node> roots = new ArrayList<>();
        for (CostObject top : objects.stream().filter(o -> rootId != null ? o.id.equals(rootId) : o.parentId == null).toList()) {
            roots.add(node(top, byParent, current, yearBefore).node());
        }
        return roots;
    }

    private static Map<UUID, Outcome> outcomes(List<UUID> ids, YearMonth month) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Outcome.<Outcome>list("costObjectId in ?1 and month = ?2", ids, month.atDay(1)).stream()
                .collect(Collectors.toMap(o -> o.costObjectId, Function.identity()));
    }

    /** A node with the sums its parent needs; {@code yearBefore} is null once a leaf below lacks last year's figures. */
    private record Built(Node node, Figures figures, Figures yearBefore, boolean any) {
    }

    private static Built node(CostObject object, Map<UUID, List<CostObject>> byParent, Map<UUID, Outcome> current,
                              Map<UUID, Outcome> yearBefore) {
        List<CostObject> below = byParent.getOrDefault(object.id, List.of());
        if (below.isEmpty()) {
            Outcome outcome = current.get(object.id);
            Figures figures = outcome == null ? Figures.ZERO : outcome.figures();
            Outcome before = yearBefore.get(object.id);
            Figures base = outcome == null ? Figures.ZERO : before == null ? null : before.figures();
            return new Built(line(object, outcome != null, figures, base, outcome == null ? null : outcome.comment,
                    outcome != null && outcome.explanationMissing, List.of()), figures, base, outcome != null);
        }
        List<Built> children = below.stream().map(child -> node(child, byParent, current, yearBefore)).toList();
        Figures sum = Figures.ZERO;
        Figures base = Figures.ZERO;
        boolean any = false;
        for (Built child : children) {
            sum = sum.plus(child.figures());
            base = base == null || child.yearBefore() == null ? null : base.plus(child.yearBefore());
            any |= child.any();
        }
        boolean missing = children.stream().anyMatch(child -> child.node().explanationMissing());
        return new Built(line(object, any, sum, base, null, missing, children.stream().map(Built::node).toList()),
                sum, base, any);
    }

    private static Node line(CostObject object, boolean registered, Figures figures, Figures yearBefore, String comment,
                             boolean explanationMissing, List<Node> children) {
        return new Node(object.id, object.code, object.name, object.unitId, registered, figures.resultYtd(),
                figures.budgetYtd(), figures.deviationYtd(), figures.annualBudget(), figures.forecastResult(),
                figures.forecastDeviation(), registered ? figures.developmentSince(yearBefore) : null, comment,
                explanationMissing, children);
    }
}
