package se.styrning.followup.report;

import jakarta.persistence.EntityManager;
import se.styrning.followup.WorkRows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Prognos investeringsbudgetavvikelse (seed 001 §3.3.2: "Årets prognostiserade avvikelse för investeringar mot
 * årsbudget för investeringar") of the investment projects of a unit and the units below it (an administration's
 * plan answers for its departments' projects, as its budget tables print them) at a month: for each project with a forecast
 * registered in the year up to the month, its budget amount for the year less its latest forecast, summed. A project
 * without a forecast yet is taken as on budget; with none at all there is no figure.
 */
final class InvestmentForecasts {

    private InvestmentForecasts() {
    }

    static BigDecimal deviation(EntityManager entityManager, UUID unitId, YearMonth month) {
        List<UUID> units = WorkRows.subtree(entityManager, unitId).stream().map(WorkRows.Below::id).toList();
        @SuppressWarnings("unchecked")
        List<BigDecimal> deviations = entityManager.createNativeQuery("""
                        select coalesce(a.amount, 0) - o.forecast
                        from reporting_investment i
                        join lateral (select forecast from reporting_investment_outcome o
                                      where o.investment_id = i.id and o.month between :first and :last
                                      order by o.month desc limit 1) o on true
                        left join reporting_investment_amount a on a.investment_id = i.id and a.year = :year
                        where i.owner_unit_id in (:units)""")
                .setParameter("first", LocalDate.of(month.getYear(), 1, 1))
                .setParameter("last", month.atDay(1))
                .setParameter("year", month.getYear())
                .setParameter("units", units.isEmpty() ? List.of(unitId) : units)
                .getResultList();
        return deviations.isEmpty() ? null : deviations.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
