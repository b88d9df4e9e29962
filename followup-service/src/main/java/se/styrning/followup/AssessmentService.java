package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.followup.readmodel.ReportingAssignment;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Assessing assignments per period: for the plan's unit, within the plan's year; audited and published as
 * assessment-recorded. The same assessment again changes, audits and publishes nothing.
 */
@ApplicationScoped
public class AssessmentService {

    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final Clock clock;

    AssessmentService(Changes changes, UnitAccess access, CurrentSubject subject, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.subject = subject;
        this.clock = clock;
    }

    public record Result(Assessment assessment, boolean created) {
    }

    @Transactional
    public Result assess(UUID assignmentId, Period period, Fulfilment fulfilment, String comment, String ifMatch) {
        ReportingAssignment assignment = ReportingAssignment.<ReportingAssignment>findByIdOptional(assignmentId)
                .orElseThrow(() -> ProblemException.notFound("Assignment", assignmentId));
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(assignment.planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", assignment.planId));
        access.requireWrite(plan.unitId);
        if (period.year() != plan.year) {
            throw ProblemException.invalidField("period", "the plan is for " + plan.year + "; " + period + " is not in it");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        Assessment assessment = Assessment.find(assignmentId, period).orElse(null);
        if (assessment != null) {
            Versions.checkMatch(ifMatch, assessment.version);
            if (assessment.fulfilment == fulfilment && Objects.equals(assessment.comment, text)) {
                return new Result(assessment, false);
            }
        }
        boolean created = assessment == null;
        Assessment.State before = created ? null : assessment.state();
        if (created) {
            assessment = new Assessment();
            assessment.id = UUID.randomUUID();
            assessment.assignmentId = assignmentId;
            assessment.planId = plan.id;
            assessment.period = period.toString();
        }
        assessment.fulfilment = fulfilment;
        assessment.comment = text;
        assessment.assessedBy = subject.name();
        assessment.assessedAt = Instant.now(clock);
        assessment.persistAndFlush();
        changes.record(Change.saved("assessment", assessment.id, before, assessment.state()),
                assessment.recorded(plan.unitId));
        return new Result(assessment, created);
    }
}
