package se.styrning.platform.inbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Comparator;

/**
 * DOWN while consumed events wait to be tried again ({@link EventTransactions}), with the oldest of them. A wellness
 * check ({@code /q/health}, {@code /q/health/well}), not readiness: the service still serves what it has, and taking
 * it out of the load balancer would not make the events apply sooner.
 */
@Wellness
@ApplicationScoped
public class WaitingEventsCheck implements HealthCheck {

    private final EventTransactions transactions;

    WaitingEventsCheck(EventTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumed-events");
        var waiting = transactions.waiting();
        response.withData("waiting", waiting.size());
        return waiting.stream().min(Comparator.comparing(EventTransactions.Waiting::since))
                .map(oldest -> response.down()
                        .withData("oldest", oldest.what())
                        .withData("waitingSince", oldest.since().toString())
                        .withData("attempts", oldest.attempts())
                        .withData("lastFailure", oldest.lastFailure())
                        .build())
                .orElseGet(() -> response.up().build());
    }
}
