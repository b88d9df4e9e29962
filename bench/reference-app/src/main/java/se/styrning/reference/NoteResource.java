package se.styrning.reference;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.UUID;

/** One REST resource reading the entity and sending a record: the three parts a service starts. */
@Path("/notes")
public class NoteResource {

    private final EntityManager entityManager;
    private final Emitter<String> notes;

    NoteResource(EntityManager entityManager, @Channel("notes") Emitter<String> notes) {
        this.entityManager = entityManager;
        this.notes = notes;
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Note note(@PathParam("id") UUID id) {
        notes.send(id.toString());
        return entityManager.find(Note.class, id);
    }
}
