package se.styrning.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error this system returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(description = "URI identifying the kind of problem", example = "urn:styrning:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence")
        String detail,
        @Schema(description = "The request path")
        String instance,
        @Schema(description = "One entry per invalid field")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_PREFIX = "urn:styrning:problem:";

    /** One invalid field: its JSON path and what is wrong with it. */
    @Schema(description = "One invalid field: its JSON path and what is wrong with it")
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemKind kind, String detail) {
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), kind.status(), detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        ProblemKind kind = ProblemKind.VALIDATION;
        return new Problem(TYPE_PREFIX + kind.slug(), kind.title(), kind.status(), detail, null, errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this);
    }
}
