package se.styrning.budget.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.styrning.budget.CostObject;
import se.styrning.budget.Months;
import se.styrning.budget.OutcomeCsv;
import se.styrning.budget.OutcomeService;
import se.styrning.budget.OutcomeTree;
import se.styrning.platform.problem.ProblemException;

import java.time.YearMonth;
import java.util.UUID;

@Path("/api/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes", description = "The monthly economic follow-up: outcome tables and CSV import")
public class OutcomeResource {

    private final OutcomeService outcomes;

    OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @GET
    @RolesAllowed("viewer")
    @Operation(summary = "The month's outcome table (seed 004 §1.2): every cost object under root, or all trees")
    @APIResponse(responseCode = "400", description = "month missing or not YYYY-MM")
    @APIResponse(responseCode = "404", description = "No such root cost object")
    public OutcomeTableResponse table(@QueryParam("month") String month, @QueryParam("root") UUID root) {
        YearMonth yearMonth = Months.parse("month", month);
        if (root != null) {
            CostObject.require(root);
        }
        return new OutcomeTableResponse(yearMonth.toString(), "SEK", OutcomeTree.of(root, yearMonth));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed("editor")
    @Operation(summary = "Register a month's outcomes from a CSV file, all or nothing",
            description = "Semicolon-separated with a header row: code;resultYtd;budgetYtd;annualBudget;forecastResult;comment "
                    + "(any order, comment optional). A quoted field may hold semicolons, doubled quotes and line breaks. "
                    + "Amounts in SEK with decimal comma or point, spaces may group thousands; at most 16 digits before "
                    + "the decimal sign and 2 after (a longer cell is refused unread). Codes have at most 50 characters, "
                    + "comments 4000. Text is read in the charset the Content-Type names, else UTF-8, else Windows-1252. "
                    + "Whether the caller may write for every line's cost object is checked before any amount is read. "
                    + "Any bad line rejects the file; the problem lists every bad line and column as 'line N: column', "
                    + "N counting the file's lines.")
    @APIResponse(responseCode = "200", description = "Registered; how many lines were new, corrected or unchanged")
    @APIResponse(responseCode = "400", description = "The file has bad lines; nothing was registered")
    @APIResponse(responseCode = "403", description = "A line's cost object belongs to a unit the caller may not write for")
    public OutcomeService.ImportSummary importCsv(@QueryParam("month") String month,
                                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, byte[] file) {
        YearMonth yearMonth = Months.parse("month", month);
        if (file == null || file.length == 0) {
            throw ProblemException.invalidField("body", "send the CSV file as the request body");
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return outcomes.importCsv(yearMonth, OutcomeCsv.decode(file, charset));
    }
}
