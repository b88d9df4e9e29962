package se.styrning.gateway;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every call gets an {@code X-Request-Id} (the caller's, if sensible, else a new one) and a W3C {@code traceparent};
 * both go to the service, the id comes back on the answer, and one access log line is written per call.
 * The answer also gets the security headers an API should carry.
 */
final class RequestIds implements Handler<RoutingContext> {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String SUBJECT = "styrning.subject";
    private static final Logger ACCESS = Logger.getLogger("se.styrning.gateway.access");
    private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    public void handle(RoutingContext context) {
        long started = System.nanoTime();
        String given = context.request().getHeader(REQUEST_ID);
        String id = given != null && SENSIBLE_ID.matcher(given).matches() ? given : randomId().toString();
        context.request().headers().set(REQUEST_ID, id);
        String trace = context.request().getHeader(TRACEPARENT);
        if (trace == null || !TRACEPARENT_FORMAT.matcher(trace).matches()) {
            context.request().headers().set(TRACEPARENT, "00-" + hex(16) + "-" + hex(8) + "-01");
        }
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

    /*
     * Ids and trace ids need to be unique, not unguessable: ThreadLocalRandom instead of SecureRandom, which reads
     * /dev/urandom under a lock for every call.
     */
    private static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version4 = random.nextLong() & ~0xF000L | 0x4000L;
        long variant2 = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(version4, variant2);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
