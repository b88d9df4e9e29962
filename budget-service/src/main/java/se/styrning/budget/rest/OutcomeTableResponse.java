package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.OutcomeTree;

import java.util.List;

@Schema(description = "The outcome table of a month: each tree of cost objects with its figures, parents summed")
public record OutcomeTableResponse(@Schema(description = "YYYY-MM") String month,
                                   @Schema(description = "Amounts are in SEK") String currency,
                                   List<OutcomeTree.Node> trees) {
}
