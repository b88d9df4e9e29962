package se.styrning.reference;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** One consumer, as each service has at least one. */
@ApplicationScoped
public class PlanEventsListener {

    @Incoming("plan-events")
    public void received(String event) {
        // the reference only starts its consumer; what it reads does not matter
    }
}
