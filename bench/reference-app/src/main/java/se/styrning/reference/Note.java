package se.styrning.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.UUID;

/** The one entity: enough for Hibernate ORM to start as it does in a service. */
@Entity
public class Note {

    @Id
    public UUID id;
    public String text;
}
