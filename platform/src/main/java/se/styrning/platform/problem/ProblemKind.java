package se.styrning.platform.problem;

/** The kinds of problem the API reports, each with its status and title. */
public enum ProblemKind {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED(400, "malformed", "Malformed request body"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused"),
    TOO_LARGE(422, "too-large", "Too large to answer"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The kind for a plain HTTP status, for errors raised by the framework. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind != MALFORMED && kind != IDEMPOTENCY_KEY_REUSED) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
