package se.styrning.platform.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/things")
public class ThingResource {

    public enum Colour { RED, GREEN }

    public record CreateThing(@NotBlank @Size(max = 20) String name,
                              @NotNull @DecimalMin("0.00") BigDecimal amount,
                              Colour colour,
                              LocalDate day,
                              Integer rank) {
    }

    private final Changes changes;

    ThingResource(Changes changes) {
        this.changes = changes;
    }

    @POST
    @Idempotent
    @Transactional
    @RolesAllowed("editor")
    public Response create(@Valid @NotNull CreateThing request) {
        Thing thing = new Thing();
        thing.id = UUID.randomUUID();
        thing.name = request.name();
        thing.amount = request.amount();
        thing.persistAndFlush();
        ThingCreated created = new ThingCreated(thing.id, thing.name, thing.amount);
        changes.record(Change.created("thing", thing.id, created), created);
        return Response.status(201).header("Location", "/api/things/" + thing.id).entity(created).build();
    }

    @GET
    @RolesAllowed("viewer")
    public Page<ThingCreated> list(@Valid @BeanParam PageParams paging) {
        return Page.of(Thing.findAll(io.quarkus.panache.common.Sort.by("name")), paging,
                (Thing t) -> new ThingCreated(t.id, t.name, t.amount));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    public ThingCreated get(@PathParam("id") UUID id) {
        Thing thing = Thing.<Thing>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Thing", id));
        return new ThingCreated(thing.id, thing.name, thing.amount);
    }

    @GET
    @Path("/by-colour")
    @RolesAllowed("viewer")
    public String byColour(@jakarta.ws.rs.QueryParam("colour") Colour colour, @jakarta.ws.rs.QueryParam("on") LocalDate on) {
        return colour + " " + on;
    }

    @GET
    @Path("/boom")
    @RolesAllowed("viewer")
    public String boom() {
        throw new IllegalStateException("secret internals");
    }

    @GET
    @Path("/slow")
    @RolesAllowed("viewer")
    @Transactional
    public String slow() {
        Thing.getEntityManager().createNativeQuery("set local statement_timeout = '50ms'").executeUpdate();
        return String.valueOf(Thing.getEntityManager().createNativeQuery("select pg_sleep(5)").getSingleResult());
    }
}
