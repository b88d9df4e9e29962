package se.styrning.followup.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.followup.CalendarService;
import se.styrning.followup.CalendarService.Owner;
import se.styrning.followup.EffectiveCalendars;
import se.styrning.followup.FollowupCalendar;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/followup-calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up calendars", description = "The deadlines of each period: the region's default per year, "
        + "and a unit's (with the units below it) or a plan's own where they differ")
public class CalendarResource {

    private static final String OWNER = "Without unitId and planId: the region's default; with one of them: that unit's or plan's own";

    private final CalendarService calendars;
    private final EffectiveCalendars effective;

    CalendarResource(CalendarService calendars, EffectiveCalendars effective) {
        this.calendars = calendars;
        this.effective = effective;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "The calendars of a year: the default and every unit's and plan's own")
    @APIResponse(responseCode = "400", description = "No year, or one outside 2000–2100")
    public Page<FollowupCalendar.State> list(@QueryParam("year") Integer year, @Valid @BeanParam PageParams paging) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.invalidField("year", "give a year between 2000 and 2100");
        }
        return Page.of(FollowupCalendar.<FollowupCalendar>find("year", Sort.by("planId", Sort.NullPrecedence.NULLS_FIRST)
                .and("unitId", Sort.NullPrecedence.NULLS_FIRST).and("id"), year), paging, FollowupCalendar::state);
    }

    @GET
    @Path("/{year}")
    @RolesAllowed("viewer")
    @Operation(summary = "A year's calendar: the default, or a unit's or a plan's own; ETag is its version", description = OWNER)
    @APIResponse(responseCode = "400", description = "Not a year, or both unitId and planId")
    @APIResponse(responseCode = "404", description = "No such calendar")
    public Response get(@PathParam("year") @Parameter(example = "2017") String year,
                        @QueryParam("unitId") UUID unitId, @QueryParam("planId") UUID planId) {
        int parsed = year(year);
        Owner owner = owner(unitId, planId);
        FollowupCalendar calendar = FollowupCalendar.find(parsed, owner.unitId(), owner.planId())
                .orElseThrow(() -> ProblemException.notFound("Follow-up calendar", parsed + (planId != null ? " of plan " + planId
                        : unitId != null ? " of unit " + unitId : " (the region's default)")));
        return Responses.ok(calendar.version, calendar.state());
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed("controller")
    @Operation(summary = "Set a year's calendar; a change needs If-Match",
            description = OWNER + ". The default is set by an administrator, a unit's or plan's by a controller of that "
                    + "unit or one above it. The same calendar again changes nothing.")
    @APIResponse(responseCode = "201", description = "Set for the first time")
    @APIResponse(responseCode = "200", description = "Changed, or unchanged")
    @APIResponse(responseCode = "400", description = "Not a year, both unitId and planId, a plan of another year, or an impossible "
            + "calendar (errors[] names each field: periods[2].approval)")
    @APIResponse(responseCode = "403", description = "The default needs an administrator; a unit's or plan's a controller of its unit")
    @APIResponse(responseCode = "404", description = "followup-service has received no such unit or plan")
    @APIResponse(responseCode = "409", description = "Set at the same time by someone else; read it and retry")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "The calendar exists and If-Match is missing")
    public Response set(@PathParam("year") String year, @QueryParam("unitId") UUID unitId, @QueryParam("planId") UUID planId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull FollowupCalendarRequest request) {
        int parsed = year(year);
        Owner owner = owner(unitId, planId);
        CalendarService.Result result = calendars.set(parsed, owner,
                request.periods().stream().map(FollowupCalendarRequest.Deadlines::deadlines).toList(), ifMatch);
        FollowupCalendar calendar = result.calendar();
        return result.created()
                ? Responses.created(location(parsed, owner), calendar.version, calendar.state())
                : Responses.ok(calendar.version, calendar.state());
    }

    @DELETE
    @Path("/{year}")
    @RolesAllowed("controller")
    @Operation(summary = "Remove a year's calendar, so the next one up holds (or none); needs If-Match", description = OWNER)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Not a year, or both unitId and planId")
    @APIResponse(responseCode = "403", description = "The default needs an administrator; a unit's or plan's a controller of its unit")
    @APIResponse(responseCode = "404", description = "No such calendar, unit or plan")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public void remove(@PathParam("year") String year, @QueryParam("unitId") UUID unitId, @QueryParam("planId") UUID planId,
                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        calendars.remove(year(year), owner(unitId, planId), ifMatch);
    }

    @GET
    @Path("/{year}/effective")
    @RolesAllowed("viewer")
    @Operation(summary = "The calendar that holds for a plan or a unit in a year, and where it comes from")
    @APIResponse(responseCode = "400", description = "Not a year, neither or both of planId and unitId, or a plan of another year")
    @APIResponse(responseCode = "404", description = "followup-service has received no such plan or unit")
    public EffectiveCalendarResponse effective(@PathParam("year") String year, @QueryParam("planId") UUID planId,
                                               @QueryParam("unitId") UUID unitId) {
        int parsed = year(year);
        Owner owner = owner(unitId, planId);
        if (planId != null) {
            ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                    .orElseThrow(() -> ProblemException.notFound("Plan", planId));
            if (plan.year != parsed) {
                throw ProblemException.invalidField("year", "the plan is for " + plan.year + ", not " + parsed);
            }
            return response(parsed, planId, plan.unitId, effective.forPlan(plan));
        }
        if (owner.unitId() == null) {
            throw ProblemException.invalidField("planId", "give a planId or a unitId");
        }
        ReportingUnit.findByIdOptional(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        return response(parsed, null, unitId, effective.forUnit(unitId, parsed));
    }

    private static EffectiveCalendarResponse response(int year, UUID planId, UUID unitId, Optional<FollowupCalendar> calendar) {
        return new EffectiveCalendarResponse(year, planId, unitId,
                calendar.map(c -> new EffectiveCalendarResponse.Source(c.id, c.scope(), c.unitId, c.planId, c.version))
                        .orElse(null),
                calendar.map(FollowupCalendar::periodsInOrder).orElse(List.of()));
    }

    private static int year(String text) {
        if (text == null || !text.matches("\\d{4}") || Integer.parseInt(text) < 2000 || Integer.parseInt(text) > 2100) {
            throw ProblemException.invalidField("year", "must be a year between 2000 and 2100");
        }
        return Integer.parseInt(text);
    }

    private static Owner owner(UUID unitId, UUID planId) {
        if (unitId != null && planId != null) {
            throw ProblemException.invalidField("planId", "give a unitId or a planId, not both");
        }
        return new Owner(unitId, planId);
    }

    private static String location(int year, Owner owner) {
        return "/api/followup-calendars/" + year + (owner.planId() != null ? "?planId=" + owner.planId()
                : owner.unitId() != null ? "?unitId=" + owner.unitId() : "");
    }
}
