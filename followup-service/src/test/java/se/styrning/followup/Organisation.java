package se.styrning.followup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static se.styrning.followup.PlanEventsFeed.example;

/** Units and plans put on plan.events the way plan-service does, for tests that need them in followup's read model. */
final class Organisation {

    private final PlanEventsFeed feed;

    Organisation(PlanEventsFeed feed) {
        this.feed = feed;
    }

    /** A unit under {@code parent} (a region when null). */
    UUID unit(UUID parent, String name) throws Exception {
        return unit(parent, name, null);
    }

    /** A unit under {@code parent} with a code ({@code U-} and its id when null). */
    UUID unit(UUID parent, String name, String code) throws Exception {
        UUID unit = UUID.randomUUID();
        ObjectNode data = example("unit-upserted", Map.of("unitId", unit.toString(), "code", code == null ? "U-" + unit : code, "name", name,
                "kind", parent == null ? "REGION" : "DEPARTMENT"));
        if (parent == null) {
            data.putNull("parentId");
        } else {
            data.put("parentId", parent.toString());
        }
        feed.send("unit-upserted", unit.toString(), data);
        return unit;
    }

    /** An adopted plan of {@code unit} for {@code year}. */
    UUID plan(UUID unit, int year) throws Exception {
        UUID plan = UUID.randomUUID();
        ObjectNode data = example("plan-upserted", Map.of("planId", plan.toString(), "unitId", unit.toString(),
                "title", "Verksamhetsplan " + year));
        data.put("year", year);
        feed.send("plan-upserted", plan.toString(), data);
        return plan;
    }

    /** Waits until followup-service holds the units, plans or activities with these ids. */
    static void awaitKnown(UUID... ids) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            for (UUID id : ids) {
                if (ReportingUnit.findByIdOptional(id).isEmpty() && ReportingPlan.findByIdOptional(id).isEmpty()
                        && ReportingActivity.findByIdOptional(id).isEmpty()) {
                    return false;
                }
            }
            return true;
        }));
    }
}
