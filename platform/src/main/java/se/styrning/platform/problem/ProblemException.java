package se.styrning.platform.problem;

import java.util.List;

/** Thrown by domain code to answer with a problem: not found, conflict, invalid field, … */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(ProblemKind.NOT_FOUND, what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(ProblemKind.CONFLICT, detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(ProblemKind.PRECONDITION_FAILED, detail));
    }

    /** What was asked for is too large for the service to build in one answer. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(ProblemKind.TOO_LARGE, detail));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }
}
