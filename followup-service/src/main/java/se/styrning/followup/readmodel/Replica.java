package se.styrning.followup.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/** A row copied from another service's events: its id and that service's version of it. */
@MappedSuperclass
public abstract class Replica extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The producer's version; an older version arriving late changes nothing. */
    public long version;
    public Instant updatedAt;
}
