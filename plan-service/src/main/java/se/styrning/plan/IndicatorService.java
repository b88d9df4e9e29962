package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.IndicatorRemoved;
import se.styrning.plan.event.IndicatorTargetSet;
import se.styrning.plan.event.IndicatorUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Indicators of a plan and their yearly targets. */
@ApplicationScoped
public class IndicatorService {

    private final Changes changes;
    private final CurrentSubject subject;
    private final PlanGuard guard;

    IndicatorService(Changes changes, CurrentSubject subject, PlanGuard guard) {
        this.changes = changes;
        this.subject = subject;
        this.guard = guard;
    }

    @Transactional
    public Indicator create(UUID planId, Indicator.Content content) {
        guard.writable(planId);
        requireFreeName(planId, content.name(), null);
        requireEconomyFigure(content);
        Indicator indicator = Indicator.create(planId, Instant.now());
        indicator.set(content, content.position() != null ? content.position() : (int) Indicator.count("planId", planId),
                Instant.now());
        indicator.persistAndFlush();
        changes.record(Change.created("indicator", indicator.id, indicator.upserted()), indicator.upserted());
        return indicator;
    }

    @Transactional
    public Indicator update(UUID id, String ifMatch, Indicator.Content content) {
        Indicator indicator = Indicator.require(id);
        guard.writable(indicator.planId);
        Versions.requireMatch(ifMatch, indicator.version);
        requireFreeName(indicator.planId, content.name(), id);
        requireEconomyFigure(content);
        if (!content.genderSplit() && IndicatorTarget.count("indicatorId = ?1 and women is not null", id) > 0) {
            throw ProblemException.invalidField("genderSplit", "targets split by gender exist; set them again without women and men first");
        }
        IndicatorUpserted before = indicator.upserted();
        indicator.set(content, content.position() != null ? content.position() : indicator.position, Instant.now());
        indicator.persistAndFlush();
        changes.record(Change.updated("indicator", id, before, indicator.upserted()), indicator.upserted());
        return indicator;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Indicator indicator = Indicator.require(id);
        guard.deletable(indicator.planId, "deleting indicators");
        Versions.checkMatch(ifMatch, indicator.version);
        IndicatorUpserted before = indicator.upserted();
        IndicatorTarget.delete("indicatorId", id);
        indicator.delete();
        changes.record(Change.deleted("indicator", id, before), new IndicatorRemoved(id, indicator.planId));
    }

    /** Sets the target for a year; women and men are required exactly when the indicator is split by gender. */
    @Transactional
    public IndicatorTarget setTarget(UUID id, int year, BigDecimal total, BigDecimal women, BigDecimal men) {
        Indicator indicator = Indicator.require(id);
        guard.writable(indicator.planId);
        if (indicator.genderSplit && (women == null || men == null)) {
            throw ProblemException.invalidField(women == null ? "women" : "men",
                    "is required: the indicator is split by gender");
        }
        if (!indicator.genderSplit && (women != null || men != null)) {
            throw ProblemException.invalidField(women != null ? "women" : "men",
                    "must be left out: the indicator is not split by gender");
        }
        IndicatorTarget target = IndicatorTarget.<IndicatorTarget>find("indicatorId = ?1 and year = ?2", id, year)
                .firstResultOptional().orElse(null);
        IndicatorTargetSet before = target == null ? null : event(indicator, target);
        if (target == null) {
            target = new IndicatorTarget();
            target.id = UUID.randomUUID();
            target.indicatorId = id;
            target.year = year;
        }
        target.total = IndicatorTarget.exact(total);
        target.women = IndicatorTarget.exact(women);
        target.men = IndicatorTarget.exact(men);
        target.setBy = subject.name();
        target.setAt = Instant.now();
        target.persist();
        IndicatorTargetSet after = event(indicator, target);
        changes.record(new Change(before == null ? "TARGET_SET" : "TARGET_CHANGED", "indicator", id, before, after), after);
        return target;
    }

    private static IndicatorTargetSet event(Indicator indicator, IndicatorTarget target) {
        return new IndicatorTargetSet(indicator.id, indicator.planId, target.year, target.total, target.women,
                target.men, target.setBy, target.setAt);
    }

    /** An indicator read from the economy names a figure followup-service derives, or none yet. */
    private static void requireEconomyFigure(Indicator.Content content) {
        String problem = Indicator.economyFigureProblem(content.name(), content.source(), content.externalCode());
        if (problem != null) {
            throw ProblemException.invalidField("externalCode", problem);
        }
    }

    private static void requireFreeName(UUID planId, String name, UUID self) {
        if (Indicator.count("planId = ?1 and name = ?2 and id <> ?3", planId, name, self != null ? self : new UUID(0, 0)) > 0) {
            throw ProblemException.conflict("The plan already has an indicator named " + name);
        }
    }
}
