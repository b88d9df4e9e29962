package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.UnitAccess;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Deviation thresholds. A global rule concerns every unit, so only an admin sets one; a cost object's rule is set
 * by a controller acting for its unit. Rules apply from the next registration on.
 */
@ApplicationScoped
public class DeviationRuleService {

    private final Changes changes;
    private final UnitAccess access;

    DeviationRuleService(Changes changes, UnitAccess access) {
        this.changes = changes;
        this.access = access;
    }

    /** A rule's state, as audited and returned. */
    public record State(UUID id, UUID costObjectId, DeviationFigure figure, BigDecimal absoluteThreshold,
                        BigDecimal relativeThreshold, long version) {
        static State of(DeviationRule rule) {
            return new State(rule.id, rule.costObjectId, rule.figure, rule.absoluteThreshold, rule.relativeThreshold, rule.version);
        }
    }

    @Transactional
    public DeviationRule create(UUID costObjectId, DeviationFigure figure, BigDecimal absolute, BigDecimal relative, boolean admin) {
        requireScope(costObjectId, admin);
        requireThreshold(absolute, relative);
        DeviationRule.find(costObjectId, figure).ifPresent(existing -> {
            throw ProblemException.conflict("A rule for " + figure + (costObjectId == null ? " (global)" : " of this cost object")
                    + " exists: " + existing.id + "; change that one");
        });
        DeviationRule rule = new DeviationRule();
        rule.id = UUID.randomUUID();
        rule.costObjectId = costObjectId;
        rule.figure = figure;
        rule.absoluteThreshold = Sek.exact(absolute);
        rule.relativeThreshold = relative;
        rule.createdAt = Instant.now();
        rule.updatedAt = rule.createdAt;
        rule.persistAndFlush();
        changes.record(Change.created("deviation-rule", rule.id, State.of(rule)));
        return rule;
    }

    @Transactional
    public DeviationRule update(UUID id, String ifMatch, BigDecimal absolute, BigDecimal relative, boolean admin) {
        DeviationRule rule = DeviationRule.require(id);
        requireScope(rule.costObjectId, admin);
        Versions.requireMatch(ifMatch, rule.version);
        requireThreshold(absolute, relative);
        State before = State.of(rule);
        rule.absoluteThreshold = Sek.exact(absolute);
        rule.relativeThreshold = relative;
        rule.updatedAt = Instant.now();
        rule.persistAndFlush();
        changes.record(Change.updated("deviation-rule", rule.id, before, State.of(rule)));
        return rule;
    }

    @Transactional
    public void delete(UUID id, boolean admin) {
        DeviationRule rule = DeviationRule.require(id);
        requireScope(rule.costObjectId, admin);
        State before = State.of(rule);
        rule.delete();
        changes.record(Change.deleted("deviation-rule", id, before));
    }

    private void requireScope(UUID costObjectId, boolean admin) {
        if (costObjectId == null) {
            if (!admin) {
                throw new ProblemException(Problem.of(ProblemKind.FORBIDDEN, "A global rule concerns every unit; only an admin sets one"));
            }
            return;
        }
        CostObject object = CostObject.<CostObject>findByIdOptional(costObjectId)
                .orElseThrow(() -> ProblemException.invalidField("costObjectId", "cost object " + costObjectId + " does not exist"));
        access.requireWrite(object.unitId);
    }

    private static void requireThreshold(BigDecimal absolute, BigDecimal relative) {
        if (absolute == null && relative == null) {
            throw ProblemException.invalidField("absoluteThreshold", "give an absolute threshold (SEK), a relative one (%), or both");
        }
    }
}
