package se.styrning.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.styrning.platform.db.PersistenceFailures;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns every exception that reaches the REST layer into an {@code application/problem+json} answer. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper(ValidationException.class)
    public Response invalid(ValidationException e, UriInfo uri, HttpHeaders headers) {
        if (!(e instanceof ConstraintViolationException violations)) {
            return unexpected(e, uri, headers);
        }
        List<Problem.FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(ViolationPaths.field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return Problem.invalid(detail, errors).at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            String message = JsonPaths.message(mapping);
            return Problem.invalid(field + " " + message, List.of(new Problem.FieldError(field, message)))
                    .at(uri.getPath()).toResponse().build();
        }
        return Problem.of(ProblemKind.MALFORMED, "The body is not valid JSON: " + e.getOriginalMessage())
                .at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Problem.of(ProblemKind.UNAUTHENTICATED, "A valid bearer token is required")
                .at(uri.getPath()).toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(ProblemKind.FORBIDDEN, "Your roles or units do not allow this")
                .at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri);
        }
        if (e.getCause() instanceof ProblemException parameter) {
            // a parameter converter refused a value; JAX-RS wraps that in a 404
            return problem(parameter, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        String detail = status == 404 ? "Nothing at " + uri.getPath() : e.getMessage();
        Response.ResponseBuilder answer = Problem.of(ProblemKind.forStatus(status), detail)
                .at(uri.getPath()).toResponse().status(status);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (PersistenceFailures.isUnavailable(cause)) {
                LOG.warnf("database unavailable at %s: %s", uri.getPath(), cause.getMessage());
                return Problem.of(ProblemKind.UNAVAILABLE, "The database is unavailable; try again shortly")
                        .at(uri.getPath()).toResponse().header(HttpHeaders.RETRY_AFTER, "5").build();
            }
            if (PersistenceFailures.isStatementTimeout(cause)) {
                LOG.warnf("a statement ran past its timeout at %s: %s", uri.getPath(), cause.getMessage());
                return Problem.of(ProblemKind.UNAVAILABLE, "The database took too long to answer; try again shortly")
                        .at(uri.getPath()).toResponse().header(HttpHeaders.RETRY_AFTER, "30").build();
            }
            if (PersistenceFailures.isConcurrentChange(cause) && headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
                // the If-Match check passed, but another request with the same version committed first
                return Problem.of(ProblemKind.PRECONDITION_FAILED, "The version in If-Match was changed by someone else "
                        + "at the same time; reload and retry").at(uri.getPath()).toResponse().build();
            }
            if (PersistenceFailures.isConcurrentChange(cause)) {
                return Problem.of(ProblemKind.CONFLICT, "Someone else changed this at the same time; reload and retry")
                        .at(uri.getPath()).toResponse().build();
            }
            if (PersistenceFailures.isDataException(cause)) {
                LOG.infof("refused a value the database cannot hold at %s: %s", uri.getPath(), cause.getMessage());
                return Problem.of(ProblemKind.VALIDATION, "A value is out of range, too long, or contains characters "
                        + "that cannot be stored").at(uri.getPath()).toResponse().build();
            }
            if (PersistenceFailures.isUniqueViolation(cause)) {
                return Problem.of(ProblemKind.CONFLICT, "This conflicts with existing data")
                        .at(uri.getPath()).toResponse().build();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error at %s (incident %s)", uri.getPath(), incident);
        return Problem.of(ProblemKind.INTERNAL, "An unexpected error occurred (incident " + incident + ")")
                .at(uri.getPath()).toResponse().build();
    }

    /** Field names of constraint violations, without the method and parameter prefix. */
    static final class ViolationPaths {
        private ViolationPaths() {
        }

        static String field(ConstraintViolation<?> violation) {
            String[] nodes = violation.getPropertyPath().toString().split("\\.");
            // method.parameter[.property…]: the property path if there is one, else the parameter name
            return nodes.length <= 2 ? nodes[nodes.length - 1] : String.join(".", Arrays.copyOfRange(nodes, 2, nodes.length));
        }
    }
}
