package se.styrning.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An organisation unit as reports name it: followup-service's copy, kept from plan-service's events. */
@Entity
@Table(name = "reporting_unit")
public class ReportingUnit extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    public String kind;
    public UUID parentId;
    /** plan-service's version of the unit; an older version arriving late changes nothing. */
    public long version;
    public Instant updatedAt;
}
