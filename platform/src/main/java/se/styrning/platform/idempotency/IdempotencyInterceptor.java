package se.styrning.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;
import se.styrning.platform.security.CurrentSubject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final CurrentSubject subject;
    private final CurrentVertxRequest request;

    IdempotencyInterceptor(EntityManager entityManager, ObjectMapper json, CurrentSubject subject,
                           CurrentVertxRequest request) {
        this.entityManager = entityManager;
        this.json = json;
        this.subject = subject;
        this.request = request;
    }

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        RoutingContext context = request.getCurrent();
        String key = context == null ? null : context.request().getHeader(HEADER);
        if (key == null || key.isBlank()) {
            return invocation.proceed();
        }
        if (key.length() > 200) {
            throw ProblemException.invalidField(HEADER, "must be at most 200 characters");
        }
        String fingerprint = fingerprint(context.request().method() + " " + context.request().path(),
                invocation.getParameters());
        String who = subject.name();
        return QuarkusTransaction.joiningExisting().call(() -> {
            // Claims the key first: a concurrent request with the same key blocks on this uncommitted row until
            // the first one commits (and then replays its answer) or rolls back (and then goes ahead itself).
            boolean claimed = entityManager.createNativeQuery("""
                            insert into idempotency_key (subject, key, fingerprint, status) values (?1, ?2, ?3, 0)
                            on conflict do nothing""")
                    .setParameter(1, who).setParameter(2, key).setParameter(3, fingerprint)
                    .executeUpdate() == 1;
            if (!claimed) {
                return replay((Object[]) entityManager.createNativeQuery("""
                                select fingerprint, status, location, etag, body from idempotency_key
                                where subject = ?1 and key = ?2""")
                        .setParameter(1, who).setParameter(2, key).getSingleResult(), fingerprint);
            }
            Response response = (Response) invocation.proceed();
            entityManager.createNativeQuery("""
                            update idempotency_key set status = ?3, location = ?4, etag = ?5, body = ?6
                            where subject = ?1 and key = ?2""")
                    .setParameter(1, who).setParameter(2, key)
                    .setParameter(3, response.getStatus())
                    .setParameter(4, response.getHeaderString(HttpHeaders.LOCATION))
                    .setParameter(5, response.getHeaderString(HttpHeaders.ETAG))
                    .setParameter(6, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null)
                    .executeUpdate();
            return response;
        });
    }

    private static Response replay(Object[] row, String fingerprint) {
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(Problem.of(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request"));
        }
        Response.ResponseBuilder answer = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[2] != null) {
            answer.header(HttpHeaders.LOCATION, row[2]);
        }
        if (row[3] != null) {
            answer.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[4] != null) {
            answer.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private String fingerprint(String target, Object[] parameters) throws JsonProcessingException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(parameters));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
