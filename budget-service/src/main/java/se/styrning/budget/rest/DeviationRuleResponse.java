package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.DeviationFigure;
import se.styrning.budget.DeviationRule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "A deviation threshold rule; ETag is its version")
public record DeviationRuleResponse(UUID id, UUID costObjectId, DeviationFigure figure, BigDecimal absoluteThreshold,
                                    BigDecimal relativeThreshold, long version, Instant createdAt, Instant updatedAt) {

    static DeviationRuleResponse from(DeviationRule rule) {
        return new DeviationRuleResponse(rule.id, rule.costObjectId, rule.figure, rule.absoluteThreshold,
                rule.relativeThreshold, rule.version, rule.createdAt, rule.updatedAt);
    }
}
