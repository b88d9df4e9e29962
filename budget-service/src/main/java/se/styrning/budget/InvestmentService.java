package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.styrning.budget.event.InvestmentOutcomeRegistered;
import se.styrning.budget.event.InvestmentUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Investment projects and their monthly outcomes: unit-scoped, audited and published on {@code budget.events} keyed
 * by the owner unit.
 */
@ApplicationScoped
public class InvestmentService {

    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;

    InvestmentService(Changes changes, UnitAccess access, CurrentSubject subject) {
        this.changes = changes;
        this.access = access;
        this.subject = subject;
    }

    /** A project's fields as entered. */
    public record Project(String name, UUID ownerUnitId, InvestmentGroup group, InvestmentKind kind,
                          BigDecimal totalProjectBudget, List<YearAmount> amounts) {
    }

    @Transactional
    public Investment create(Project project) {
        access.requireWrite(project.ownerUnitId());
        check(project);
        Investment investment = Investment.create(Instant.now());
        investment.set(project.name(), project.ownerUnitId(), project.group(), project.kind(),
                Sek.exact(project.totalProjectBudget()), project.amounts(), investment.createdAt);
        investment.persistAndFlush();
        changes.record(Change.created("investment", investment.id, investment.upserted()), investment.upserted());
        return investment;
    }

    @Transactional
    public Investment update(UUID id, String ifMatch, Project project) {
        Investment investment = Investment.require(id);
        access.requireWrite(investment.ownerUnitId);
        access.requireWrite(project.ownerUnitId());
        Versions.requireMatch(ifMatch, investment.version);
        check(project);
        InvestmentUpserted before = investment.upserted();
        investment.set(project.name(), project.ownerUnitId(), project.group(), project.kind(),
                Sek.exact(project.totalProjectBudget()), project.amounts(), Instant.now());
        investment.persistAndFlush();
        changes.record(Change.updated("investment", investment.id, before, investment.upserted()), investment.upserted());
        return investment;
    }

    /** What a registration of an investment outcome did. */
    public record OutcomeRegistration(Investment investment, InvestmentOutcome outcome, OutcomeService.Effect effect) {
    }

    /**
     * Registers or corrects a project's figures for a month: spent so far in the year and the forecast for the year,
     * by someone who may write for its owner unit. The same figures again change nothing; If-Match is checked when sent.
     */
    @Transactional
    public OutcomeRegistration registerOutcome(UUID id, YearMonth month, BigDecimal spentYtd, BigDecimal forecast,
                                               String comment, String ifMatch) {
        Investment investment = Investment.require(id);
        access.requireWrite(investment.ownerUnitId);
        if (forecast.compareTo(spentYtd) < 0) {
            throw ProblemException.invalidField("forecast", "the year's forecast (" + forecast.toPlainString()
                    + ") is less than what is already spent (" + spentYtd.toPlainString() + ")");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        // registrations of one project take turns, so two first registrations of a month do not both insert
        Investment.getEntityManager().lock(investment, LockModeType.PESSIMISTIC_WRITE);
        InvestmentOutcome outcome = InvestmentOutcome.find(id, month).orElse(null);
        if (outcome != null) {
            Versions.checkMatch(ifMatch, outcome.version);
            if (outcome.sameAs(spentYtd, forecast, text)) {
                return new OutcomeRegistration(investment, outcome, OutcomeService.Effect.UNCHANGED);
            }
        }
        OutcomeService.Effect effect = outcome == null ? OutcomeService.Effect.CREATED : OutcomeService.Effect.UPDATED;
        InvestmentOutcomeRegistered before = outcome == null ? null : outcome.registered(investment);
        if (outcome == null) {
            outcome = InvestmentOutcome.create(id, month);
        }
        outcome.set(spentYtd, forecast, text, subject.name(), Instant.now());
        outcome.persistAndFlush();
        InvestmentOutcomeRegistered after = outcome.registered(investment);
        changes.record(new Change(effect == OutcomeService.Effect.CREATED ? "REGISTERED" : "CORRECTED", "investment-outcome",
                outcome.id, before, after), after);
        return new OutcomeRegistration(investment, outcome, effect);
    }

    private static void check(Project project) {
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < project.amounts().size(); i++) {
            if (!years.add(project.amounts().get(i).year)) {
                throw ProblemException.invalidField("amounts[" + i + "].year", "year " + project.amounts().get(i).year + " is given twice");
            }
        }
        BigDecimal planned = project.amounts().stream().map(a -> a.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (project.totalProjectBudget() != null && planned.compareTo(project.totalProjectBudget()) > 0) {
            throw ProblemException.invalidField("amounts", "the yearly amounts (" + planned.toPlainString()
                    + ") exceed the total project budget (" + project.totalProjectBudget().toPlainString() + ")");
        }
    }
}
