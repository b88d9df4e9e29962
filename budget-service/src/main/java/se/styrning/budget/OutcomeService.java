package se.styrning.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.event.OutcomeRegistered;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers monthly outcomes of leaf cost objects: audited, published, and measured against the deviation rules. */
@ApplicationScoped
public class OutcomeService {

    private final Changes changes;
    private final DeviationDetector detector;
    private final UnitAccess access;
    private final CurrentSubject subject;

    OutcomeService(Changes changes, DeviationDetector detector, UnitAccess access, CurrentSubject subject) {
        this.changes = changes;
        this.detector = detector;
        this.access = access;
        this.subject = subject;
    }

    /** What a registration did. */
    public enum Effect { CREATED, UPDATED, UNCHANGED }

    public record Registration(Outcome outcome, Effect effect) {
    }

    @Transactional
    public Registration register(UUID costObjectId, YearMonth month, Figures figures, String comment, String ifMatch) {
        CostObject object = CostObject.require(costObjectId);
        return register(object, month, figures, comment, ifMatch);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Registration register(CostObject object, YearMonth month, Figures figures, String comment, String ifMatch) {
        access.requireWrite(object.unitId);
        if (object.hasChildren()) {
            throw ProblemException.conflict("Cost object " + object.code + " has cost objects below it; "
                    + "only leaves carry figures, a parent shows the sum of its subtree");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        // registrations of one cost object take turns: two first registrations of a month at once would otherwise
        // both insert, and the second would fail on the unique (cost object, month) instead of correcting the first
        CostObject.getEntityManager().lock(object, LockModeType.PESSIMISTIC_WRITE);
        Outcome outcome = Outcome.find(object.id, month).orElse(null);
        if (outcome != null) {
            Versions.checkMatch(ifMatch, outcome.version);
            if (outcome.sameAs(figures, text)) {
                return new Registration(outcome, Effect.UNCHANGED);
            }
        }
        Effect effect = outcome == null ? Effect.CREATED : Effect.UPDATED;
        OutcomeRegistered before = outcome == null ? null : registered(object, outcome);
        if (outcome == null) {
            outcome = Outcome.create(object.id, month);
        }
        outcome.set(figures, text, subject.name(), Instant.now());
        List<DeviationDetector.Measure> measures = DeviationDetector.measure(object, figures);
        outcome.explanationMissing = DeviationDetector.explanationMissing(measures, text);
        outcome.persistAndFlush();
        OutcomeRegistered after = registered(object, outcome);
        changes.record(new Change(effect == Effect.CREATED ? "REGISTERED" : "CORRECTED", "outcome", outcome.id,
                before, after), after);
        if (outcome.isLatest()) {
            detector.track(object, outcome, measures);
        }
        return new Registration(outcome, effect);
    }

    /** What an import did, line by line summed. */
    @Schema(description = "What a CSV import did: lines read, and how many were new, corrected or unchanged")
    public record ImportSummary(String month, int rows, int created, int updated, int unchanged) {
    }

    /**
     * Registers a month's outcomes from a CSV file, all or nothing: any bad line (syntax, unknown code, a parent,
     * a code twice) rejects the file with every bad line listed; a line equal to what is held changes nothing.
     * Whether the caller may write for the lines' cost objects is checked before any amount is read.
     */
    @Transactional
    public ImportSummary importCsv(YearMonth month, String csv) {
        OutcomeCsv.Parsed parsed = OutcomeCsv.parse(csv);
        List<Problem.FieldError> errors = new ArrayList<>(parsed.errors());
        Map<String, CostObject> objects = costObjects(parsed.lines(), errors);
        objects.values().forEach(object -> access.requireWrite(object.unitId));
        List<OutcomeCsv.Row> rows = new ArrayList<>();
        for (OutcomeCsv.Line line : parsed.lines()) {
            OutcomeCsv.Row row = line.row(errors);
            if (row != null) {
                rows.add(row);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(OutcomeService::lineOf));
            throw new ProblemException(Problem.invalid("The file has " + errors.size()
                    + " problem(s); nothing was registered", errors));
        }
        Map<Effect, Integer> effects = new EnumMap<>(Effect.class);
        for (OutcomeCsv.Row row : rows) {
            Registration registration = register(objects.get(row.code()), month, row.figures(), row.comment(), null);
            effects.merge(registration.effect(), 1, Integer::sum);
        }
        return new ImportSummary(month.toString(), rows.size(), effects.getOrDefault(Effect.CREATED, 0),
                effects.getOrDefault(Effect.UPDATED, 0), effects.getOrDefault(Effect.UNCHANGED, 0));
    }

    /** The leaf cost object of each line's code; a code that is unknown, a parent's or twice in the file is an error. */
    private static Map<String, CostObject> costObjects(List<OutcomeCsv.Line> lines, List<Problem.FieldError> errors) {
        Map<String, CostObject> objects = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (OutcomeCsv.Line line : lines) {
            String code = line.code();
            Integer first = seen.putIfAbsent(code, line.number());
            if (first != null) {
                errors.add(new Problem.FieldError("line " + line.number() + ": code", code + " is on line " + first + " too"));
                continue;
            }
            CostObject object = CostObject.findByCode(code).orElse(null);
            if (object == null) {
                errors.add(new Problem.FieldError("line " + line.number() + ": code", "no cost object has code " + code));
            } else if (object.hasChildren()) {
                errors.add(new Problem.FieldError("line " + line.number() + ": code",
                        code + " has cost objects below it; only leaves carry figures"));
            } else {
                objects.put(code, object);
            }
        }
        return objects;
    }

    private static int lineOf(Problem.FieldError error) {
        String digits = error.field().replaceAll("^line (\\d+).*", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
    }

    public static OutcomeRegistered registered(CostObject object, Outcome outcome) {
        Figures figures = outcome.figures();
        Figures yearBefore = Outcome.find(object.id, outcome.yearMonth().minusYears(1)).map(Outcome::figures).orElse(null);
        return new OutcomeRegistered(outcome.id, object.id, object.code, object.unitId, object.ancestorIds(),
                outcome.yearMonth().toString(), figures.resultYtd(), figures.budgetYtd(), figures.deviationYtd(),
                figures.annualBudget(), figures.forecastResult(), figures.forecastDeviation(),
                figures.developmentSince(yearBefore), outcome.comment, outcome.explanationMissing, outcome.version,
                outcome.registeredBy, outcome.registeredAt);
    }
}
