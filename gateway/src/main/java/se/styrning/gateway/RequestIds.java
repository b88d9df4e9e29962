package se.styrning.gateway;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every call gets an {@code X-Request-Id} (the caller's, if sensible, else a new one); it goes to the service, comes
 * back on the answer, and is in the one access log line written per call. The W3C {@code traceparent} the service
 * gets names the gateway's span for the call, which continues the caller's trace if it sent one (with tracing off,
 * the caller's header passes unchanged). The proxy's client is not traced by itself, so the context is put on the
 * request it copies.
 * The answer also gets the security headers an API should carry.
 */
final class RequestIds implements Handler<RoutingContext> {

    static final String REQUEST_ID = "X-Request-Id";
    static final String SUBJECT = "styrning.subject";
    /** The request id's key in the log's MDC: a JSON log line carries it (and, with tracing on, traceId and spanId). */
    static final String REQUEST_ID_KEY = "requestId";
    static final String SUBJECT_KEY = "subject";
    private static final Logger ACCESS = Logger.getLogger("se.styrning.gateway.access");
    private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final TextMapPropagator propagator;

    RequestIds(TextMapPropagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public void handle(RoutingContext context) {
        long started = System.nanoTime();
        String given = context.request().getHeader(REQUEST_ID);
        String id = given != null && SENSIBLE_ID.matcher(given).matches() ? given : randomId().toString();
        context.request().headers().set(REQUEST_ID, id);
        MDC.put(REQUEST_ID_KEY, id);
        context.request().headers().remove("baggage");
        propagator.inject(Context.current(), context.request().headers(), (headers, name, value) -> headers.set(name, value));
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set(REQUEST_ID, id)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Strict-Transport-Security", "max-age=31536000")
                .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));
        context.addBodyEndHandler(ignored -> ACCESS.infof("%s %s %d %dms subject=%s request-id=%s",
                context.request().method(), context.request().path(), context.response().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000, context.get(SUBJECT, "-"), id));
        context.next();
    }

    /** The caller is known: its subject goes into the access log line and the MDC (never the token). */
    static void identified(RoutingContext context, String subject) {
        context.put(SUBJECT, subject);
        MDC.put(SUBJECT_KEY, subject);
    }

    /*
     * Ids need to be unique, not unguessable: ThreadLocalRandom instead of SecureRandom, which reads
     * /dev/urandom under a lock for every call.
     */
    private static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version4 = random.nextLong() & ~0xF000L | 0x4000L;
        long variant2 = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(version4, variant2);
    }
}
