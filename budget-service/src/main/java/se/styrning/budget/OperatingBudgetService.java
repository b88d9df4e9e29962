package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.budget.event.OperatingBudgetUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Operating budgets: drafted, adopted, then revised with a reason; every state kept, audited and published. */
@ApplicationScoped
public class OperatingBudgetService {

    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;

    OperatingBudgetService(Changes changes, UnitAccess access, CurrentSubject subject) {
        this.changes = changes;
        this.access = access;
        this.subject = subject;
    }

    @Transactional
    public OperatingBudget create(UUID unitId, int year, AccountClasses amounts) {
        access.requireWrite(unitId);
        if (OperatingBudget.count("unitId = ?1 and year = ?2", unitId, year) > 0) {
            throw ProblemException.conflict("Unit " + unitId + " already has an operating budget for " + year
                    + "; change that one");
        }
        Instant now = Instant.now();
        OperatingBudget budget = OperatingBudget.create(unitId, year, amounts, now);
        budget.persistAndFlush();
        OperatingBudgetChange.record(budget, OperatingBudgetChange.Kind.CREATED, null, LocalDate.now(), subject.name(), now);
        changes.record(Change.created("operating-budget", budget.id, budget.upserted()), budget.upserted());
        return budget;
    }

    @Transactional
    public OperatingBudget update(UUID id, String ifMatch, AccountClasses amounts) {
        OperatingBudget budget = writable(id);
        Versions.requireMatch(ifMatch, budget.version);
        if (budget.status == BudgetStatus.ADOPTED) {
            throw ProblemException.conflict("The budget is adopted; it changes only by a revision with a reason "
                    + "(POST /api/operating-budgets/" + id + "/revisions)");
        }
        return change(budget, amounts, OperatingBudgetChange.Kind.UPDATED, null, LocalDate.now(), "UPDATED");
    }

    @Transactional
    public OperatingBudget adopt(UUID id, String ifMatch, LocalDate adoptedOn) {
        OperatingBudget budget = writable(id);
        Versions.checkMatch(ifMatch, budget.version);
        if (budget.status == BudgetStatus.ADOPTED) {
            throw ProblemException.conflict("The budget was adopted on " + budget.adoptedOn);
        }
        OperatingBudgetUpserted before = budget.upserted();
        budget.status = BudgetStatus.ADOPTED;
        budget.adoptedOn = adoptedOn;
        budget.updatedAt = Instant.now();
        budget.persistAndFlush();
        OperatingBudgetChange.record(budget, OperatingBudgetChange.Kind.ADOPTED, null, adoptedOn, subject.name(), budget.updatedAt);
        changes.record(new Change("ADOPTED", "operating-budget", budget.id, before, budget.upserted()), budget.upserted());
        return budget;
    }

    @Transactional
    public OperatingBudget revise(UUID id, String ifMatch, AccountClasses amounts, String reason, LocalDate effectiveDate) {
        OperatingBudget budget = writable(id);
        Versions.checkMatch(ifMatch, budget.version);
        if (budget.status != BudgetStatus.ADOPTED) {
            throw ProblemException.conflict("A draft is changed directly (PUT); only an adopted budget is revised");
        }
        if (effectiveDate.getYear() != budget.year) {
            throw ProblemException.invalidField("effectiveDate", "must lie in the budget year " + budget.year);
        }
        if (budget.amounts().sameAs(amounts)) {
            throw ProblemException.invalidField("revenue", "the revision changes no amount");
        }
        return change(budget, amounts, OperatingBudgetChange.Kind.REVISED, reason, effectiveDate, "REVISED");
    }

    private OperatingBudget writable(UUID id) {
        OperatingBudget budget = OperatingBudget.require(id);
        access.requireWrite(budget.unitId);
        return budget;
    }

    private OperatingBudget change(OperatingBudget budget, AccountClasses amounts, OperatingBudgetChange.Kind kind,
                                   String reason, LocalDate effectiveDate, String action) {
        OperatingBudgetUpserted before = budget.upserted();
        budget.set(amounts, Instant.now());
        budget.persistAndFlush();
        OperatingBudgetChange.record(budget, kind, reason, effectiveDate, subject.name(), budget.updatedAt);
        changes.record(new Change(action, "operating-budget", budget.id, before, budget.upserted()), budget.upserted());
        return budget;
    }
}
