package se.styrning.budget.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.InvestmentGroup;
import se.styrning.budget.InvestmentKind;
import se.styrning.budget.InvestmentService;
import se.styrning.budget.YearAmount;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(description = "An investment project with its budget per year, in SEK")
public record InvestmentRequest(
        @NotBlank @Size(max = 300) @Schema(example = "Kustnära vandringsled") String name,
        @NotNull @Schema(description = "The unit that owns the project (Regionkontoret, Regionfastigheter, …)") UUID ownerUnitId,
        @Schema(description = "Already decided, new need or reinvestment; left out where the table groups by owner only")
        InvestmentGroup group,
        @NotNull @Schema(description = "Ny, Re or Ny/Re") InvestmentKind kind,
        @Digits(integer = 16, fraction = 2) @DecimalMin("0")
        @Schema(description = "Total projektbudget, when the project has one", example = "4000000") BigDecimal totalProjectBudget,
        @NotNull @Size(max = 50) @Valid
        @Schema(description = "The budget per year") List<@NotNull @Valid Amount> amounts) {

    @Schema(description = "An investment's budget for one year, in SEK")
    public record Amount(@NotNull @Min(2000) @Max(2100) @Schema(example = "2022") Integer year,
                         @NotNull @Digits(integer = 16, fraction = 2) @DecimalMin("0") @Schema(example = "1300000") BigDecimal amount) {
    }

    InvestmentService.Project project() {
        return new InvestmentService.Project(name, ownerUnitId, group, kind, totalProjectBudget,
                amounts.stream().map(a -> YearAmount.of(a.year(), a.amount())).toList());
    }
}
