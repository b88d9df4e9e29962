package se.styrning.followup;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * followup-service's clock in tests: the system's until a test sets it, so deadlines and reminders are tested
 * without waiting for them. A test that sets it resets it when done (the Quarkus application is shared).
 */
@Mock
@Singleton
public class ControllableClock extends Clock {

    private volatile Instant fixed;

    /** From now on the time is {@code instant}, until set again or reset. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the system's time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
