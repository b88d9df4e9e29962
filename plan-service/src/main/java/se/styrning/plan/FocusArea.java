package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.plan.event.FocusAreaUpserted;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/** A focus area (fokusområde; målområde in older plans), e.g. "3.1 Hög attraktivitet" or "A: Hög attraktivitet". */
@Entity
@Table(name = "focus_area")
public class FocusArea extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID planId;
    public String code;
    public String title;
    public String description;
    public int position;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    static FocusArea create(UUID planId, Instant now) {
        FocusArea area = new FocusArea();
        area.id = UUID.randomUUID();
        area.planId = planId;
        area.createdAt = now;
        return area;
    }

    void set(String code, String title, String description, int position, Instant now) {
        this.code = code;
        this.title = title;
        this.description = description;
        this.position = position;
        this.updatedAt = now;
    }

    public FocusAreaUpserted upserted() {
        return new FocusAreaUpserted(id, planId, code, title, description, position, version);
    }

    /** The FocusArea with this id, or a 404 problem. */
    public static FocusArea require(UUID id) {
        return FocusArea.<FocusArea>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Focus area", id));
    }
}
