package se.styrning.platform.logging;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * What every log line of a request carries, in the MDC (a JSON log line's {@code mdc}): the gateway's
 * {@code X-Request-Id} as {@code requestId}, and the caller's name as the audit trail records it ({@code upn},
 * {@code preferred_username} or {@code sub}, as the gateway logs it too) as {@code subject} once the token is
 * verified (never the token). With tracing on, OpenTelemetry adds {@code traceId} and {@code spanId}.
 */
@ApplicationScoped
public class RequestLogContext implements SecurityIdentityAugmentor {

    static final String REQUEST_ID = "requestId";
    static final String SUBJECT = "subject";
    /** As the gateway accepts it: nothing that could break a plain-text log line. */
    private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    void requestId(ContainerRequestContext request) {
        String id = request.getHeaderString("X-Request-Id");
        if (id != null && SENSIBLE_ID.matcher(id).matches()) {
            MDC.put(REQUEST_ID, id);
        }
    }

    /** Called once a token is verified, in the request's context. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            MDC.put(SUBJECT, identity.getPrincipal().getName());
        }
        return Uni.createFrom().item(identity);
    }
}
