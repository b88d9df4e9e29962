package se.styrning.plan.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.plan.FocusArea;
import se.styrning.plan.FocusAreaService;
import se.styrning.plan.Indicator;
import se.styrning.plan.IndicatorService;
import se.styrning.plan.IndicatorTarget;
import se.styrning.plan.Plan;
import se.styrning.plan.PlanCopier;
import se.styrning.plan.PlanDocument;
import se.styrning.plan.PlanImporter;
import se.styrning.plan.PlanService;
import se.styrning.plan.PlanStatus;
import se.styrning.plan.PlanTree;
import se.styrning.plan.PlanTrees;
import se.styrning.platform.idempotency.Idempotent;
import se.styrning.platform.rest.ListFilter;
import se.styrning.platform.rest.Page;
import se.styrning.platform.rest.PageParams;
import se.styrning.platform.rest.Responses;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Operational plans (verksamhetsplaner): one per unit and year")
public class PlanResource {

    private final PlanService plans;
    private final FocusAreaService focusAreas;
    private final IndicatorService indicators;
    private final PlanCopier copier;
    private final PlanImporter importer;
    private final PlanTrees trees;

    PlanResource(PlanService plans, FocusAreaService focusAreas, IndicatorService indicators, PlanCopier copier,
                 PlanImporter importer, PlanTrees trees) {
        this.plans = plans;
        this.trees = trees;
        this.focusAreas = focusAreas;
        this.indicators = indicators;
        this.copier = copier;
        this.importer = importer;
    }

    @POST
    @Idempotent
    @RolesAllowed("editor")
    @Operation(summary = "Create a plan (DRAFT) for a unit and year")
    @APIResponse(responseCode = "201", description = "Created; Location points at the plan")
    @APIResponse(responseCode = "409", description = "The unit already has a plan for that year")
    public Response create(@Valid @NotNull PlanRequest request) {
        Plan plan = plans.create(request.unitId(), request.year(), request.title());
        return Responses.created("/api/plans/" + plan.id, plan.version, PlanResponse.from(plan));
    }

    @POST
    @Path("/import")
    @Idempotent
    @RolesAllowed("editor")
    @Operation(summary = "Create a whole plan from one document, all or nothing",
            description = "The unit by code, focus areas → assignments → activities (with status) and indicators with "
                    + "targets. Every problem of the document is reported at once with its path; nothing is written "
                    + "unless all is well. Send an Idempotency-Key: the same document with the same key again is a no-op.")
    @APIResponse(responseCode = "201", description = "Created; Location points at the plan")
    @APIResponse(responseCode = "400", description = "The document has problems; errors[] names each by its path")
    @APIResponse(responseCode = "409", description = "The unit already has a plan for that year")
    public Response importPlan(@Valid @NotNull PlanDocument document) {
        Plan plan = importer.importPlan(document);
        return Responses.created("/api/plans/" + plan.id, plan.version, PlanResponse.from(plan, PlanTree.Counts.of(plan.id)));
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "List plans, newest year first")
    public Page<PlanResponse> list(@QueryParam("unitId") UUID unitId, @QueryParam("year") Integer year,
                                   @QueryParam("status") PlanStatus status, @Valid @BeanParam PageParams paging) {
        ListFilter filter = new ListFilter().equal("unitId", unitId).equal("year", year).equal("status", status);
        Sort order = Sort.descending("year").and("title");
        return Page.of(Plan.find(filter.query(), order, filter.parameters()), paging, (Plan plan) -> PlanResponse.from(plan));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("viewer")
    @Operation(summary = "Get a plan with counts of what it holds; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response get(@PathParam("id") UUID id) {
        Plan plan = Plan.require(id);
        return Responses.ok(plan.version, PlanResponse.from(plan, PlanTree.Counts.of(id)));
    }

    @GET
    @Path("/{id}/tree")
    @RolesAllowed("viewer")
    @Operation(summary = "The whole plan in one call: focus areas → assignments → activities with their current status")
    @APIResponse(responseCode = "422", description = "The plan has more activities than a plan tree holds (styrning.plans.max-tree-activities)")
    public PlanTreeResponse tree(@PathParam("id") UUID id) {
        return PlanTreeResponse.from(trees.read(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Change the plan's title; needs If-Match")
    @APIResponse(responseCode = "409", description = "The plan is closed")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PlanTitleRequest request) {
        return ok(plans.retitle(id, ifMatch, request.title()));
    }

    @POST
    @Path("/{id}/adopt")
    @RolesAllowed("controller")
    @Operation(summary = "Adopt (fastställ) a DRAFT plan; If-Match is checked when sent")
    @APIResponse(responseCode = "409", description = "The plan is not a DRAFT")
    public Response adopt(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull AdoptPlanRequest request) {
        return ok(plans.adopt(id, ifMatch, request.adoptedBy(), request.adoptedOn()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed("controller")
    @Operation(summary = "Close an ADOPTED plan after its year; it becomes read-only")
    @APIResponse(responseCode = "409", description = "The plan is not ADOPTED")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(plans.close(id, ifMatch));
    }

    @POST
    @Idempotent
    @Path("/{id}/copy")
    @RolesAllowed("editor")
    @Operation(summary = "Create next year's DRAFT from this plan: same focus areas, assignments and indicators; "
            + "activities not DONE are carried over with their status reset")
    @APIResponse(responseCode = "201", description = "Created; Location points at the new plan")
    @APIResponse(responseCode = "409", description = "The unit already has a plan for that year")
    @APIResponse(responseCode = "422", description = "The plan has more activities than a plan tree holds (styrning.plans.max-tree-activities)")
    public Response copy(@PathParam("id") UUID id, @Valid @NotNull CopyPlanRequest request) {
        Plan plan = copier.copy(id, request.year());
        return Responses.created("/api/plans/" + plan.id, plan.version, PlanResponse.from(plan));
    }

    @POST
    @Idempotent
    @Path("/{id}/focus-areas")
    @RolesAllowed("editor")
    @Operation(summary = "Add a focus area to the plan")
    @APIResponse(responseCode = "201", description = "Created; Location points at the focus area")
    @APIResponse(responseCode = "409", description = "The code is taken in this plan, or the plan is closed")
    public Response addFocusArea(@PathParam("id") UUID id, @Valid @NotNull FocusAreaRequest request) {
        FocusArea area = focusAreas.create(id, request.code(), request.title(), request.description(), request.position());
        return Responses.created("/api/focus-areas/" + area.id, area.version, FocusAreaResponse.from(area));
    }

    @GET
    @Path("/{id}/focus-areas")
    @RolesAllowed("viewer")
    @Operation(summary = "The plan's focus areas, in order")
    public List<FocusAreaResponse> focusAreas(@PathParam("id") UUID id) {
        Plan.require(id);
        return FocusArea.<FocusArea>list("planId", Sort.by("position").and("code"), id).stream()
                .map(FocusAreaResponse::from).toList();
    }

    @POST
    @Idempotent
    @Path("/{id}/indicators")
    @RolesAllowed("editor")
    @Operation(summary = "Add a quality indicator to the plan")
    @APIResponse(responseCode = "201", description = "Created; Location points at the indicator")
    @APIResponse(responseCode = "409", description = "The name is taken in this plan, or the plan is closed")
    public Response addIndicator(@PathParam("id") UUID id, @Valid @NotNull IndicatorRequest request) {
        Indicator indicator = indicators.create(id, request.content());
        return Responses.created("/api/indicators/" + indicator.id, indicator.version,
                IndicatorResponse.from(indicator, List.of()));
    }

    @GET
    @Path("/{id}/indicators")
    @RolesAllowed("viewer")
    @Operation(summary = "The plan's indicators with their targets, in order")
    public List<IndicatorResponse> indicators(@PathParam("id") UUID id) {
        Plan.require(id);
        List<Indicator> all = Indicator.list("planId", Sort.by("position").and("name"), id);
        Map<UUID, List<IndicatorTarget>> targets = IndicatorTarget.<IndicatorTarget>list(
                        "indicatorId in ?1", Sort.by("year"), all.stream().map(i -> i.id).toList()).stream()
                .collect(Collectors.groupingBy(target -> target.indicatorId));
        return all.stream().map(i -> IndicatorResponse.from(i, targets.getOrDefault(i.id, List.of()))).toList();
    }

    private static Response ok(Plan plan) {
        return Responses.ok(plan.version, PlanResponse.from(plan));
    }
}
