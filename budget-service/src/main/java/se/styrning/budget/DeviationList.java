package se.styrning.budget;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import se.styrning.platform.rest.ListFilter;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Budget deviations with their cost objects, filtered, in a stable order: cost object code, figure, detection. */
public final class DeviationList {

    private DeviationList() {
    }

    /**
     * What to list; a null field does not filter.
     *
     * @param unitIds the units whose cost objects count
     * @param month   with {@code state}: OPEN = open at the month's end, RESOLVED = resolved in it, ALL = open at some
     *                time during it; without a month the state is today's
     */
    public record Filter(Set<UUID> unitIds, DeviationFigure figure, DeviationState state, UUID costObjectId,
                         YearMonth month) {
    }

    public record Row(BudgetDeviation deviation, CostObject costObject) {
    }

    public static List<Row> page(Filter filter, int page, int size) {
        TypedQuery<Object[]> query = query(filter, "select d, c", " order by c.code, d.figure, d.detectedMonth, d.id",
                Object[].class);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> new Row((BudgetDeviation) row[0], (CostObject) row[1])).toList();
    }

    public static long count(Filter filter) {
        return query(filter, "select count(d)", "", Long.class).getSingleResult();
    }

    private static <T> TypedQuery<T> query(Filter filter, String select, String order, Class<T> type) {
        ListFilter where = new ListFilter()
                .where("c.unitId in :units", "units", filter.unitIds())
                .where("d.figure = :figure", "figure", filter.figure())
                .where("d.costObjectId = :costObject", "costObject", filter.costObjectId());
        if (filter.month() == null) {
            switch (filter.state()) {
                case OPEN -> where.where("d.resolvedMonth is null");
                case RESOLVED -> where.where("d.resolvedMonth is not null");
                case ALL -> { }
            }
        } else {
            where.where("d.detectedMonth <= :month", "month", filter.month().atDay(1));
            switch (filter.state()) {
                case OPEN -> where.where("(d.resolvedMonth is null or d.resolvedMonth > :month)");
                case RESOLVED -> where.where("d.resolvedMonth = :month");
                case ALL -> where.where("(d.resolvedMonth is null or d.resolvedMonth >= :month)");
            }
        }
        EntityManager entityManager = BudgetDeviation.getEntityManager();
        TypedQuery<T> query = entityManager.createQuery(select + " from BudgetDeviation d join CostObject c on c.id = d.costObjectId"
                + where.whereClause() + order, type);
        where.parameters().map().forEach(query::setParameter);
        return query;
    }
}
