package se.styrning.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The derived figures a deviation rule can watch. */
@Schema(description = "FORECAST_DEVIATION = forecastResult − annualBudget; DEVIATION_YTD = resultYtd − budgetYtd")
public enum DeviationFigure {
    FORECAST_DEVIATION,
    DEVIATION_YTD;

    public BigDecimal of(Figures figures) {
        return this == FORECAST_DEVIATION ? figures.forecastDeviation() : figures.deviationYtd();
    }
}
