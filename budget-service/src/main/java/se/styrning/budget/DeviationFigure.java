package se.styrning.budget;

import java.math.BigDecimal;

/** The derived figures a deviation rule can watch. */
public enum DeviationFigure {
    FORECAST_DEVIATION,
    DEVIATION_YTD;

    public BigDecimal of(Figures figures) {
        return this == FORECAST_DEVIATION ? figures.forecastDeviation() : figures.deviationYtd();
    }
}
