package se.styrning.platform.rest;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional filters of a list endpoint as one query: each filter the caller gave adds its condition, and none
 * gives the whole list.
 * <pre>{@code
 * ListFilter filter = new ListFilter().equal("unitId", unitId).equal("year", year);
 * Page.of(Plan.find(filter.query(), order, filter.parameters()), paging, PlanResponse::from);
 * }</pre>
 */
public final class ListFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** {@code field = :field}, when a value is given. */
    public ListFilter equal(String field, Object value) {
        return where(field + " = :" + field, field, value);
    }

    /** A condition with one named parameter, when its value is given. */
    public ListFilter where(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.and(parameter, value);
        }
        return this;
    }

    /** A condition without parameters. */
    public ListFilter where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** The conditions joined with {@code and}; empty when there are none (Panache then finds all). */
    public String query() {
        return String.join(" and ", conditions);
    }

    /** The query's {@code where} clause, with its leading space; empty when there are no conditions. */
    public String whereClause() {
        return conditions.isEmpty() ? "" : " where " + query();
    }

    public Parameters parameters() {
        return parameters;
    }
}
