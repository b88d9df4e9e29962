package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.Investment;
import se.styrning.budget.InvestmentGroup;
import se.styrning.budget.InvestmentKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An investment project; amounts in SEK; ETag is its version")
public record InvestmentResponse(UUID id, String name, UUID ownerUnitId, InvestmentGroup group, InvestmentKind kind,
                                 BigDecimal totalProjectBudget, List<InvestmentRequest.Amount> amounts, long version,
                                 Instant createdAt, Instant updatedAt) {

    static InvestmentResponse from(Investment investment) {
        return new InvestmentResponse(investment.id, investment.name, investment.ownerUnitId, investment.group,
                investment.kind, investment.totalProjectBudget,
                investment.amounts.stream().map(a -> new InvestmentRequest.Amount(a.year, a.amount)).toList(),
                investment.version, investment.createdAt, investment.updatedAt);
    }
}
