package se.styrning.platform.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the rest. */
@Schema(description = "One page of a list, with the total")
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageParams paging, Function<E, T> toResponse) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size));
        return of(paged.list().stream().map(toResponse).toList(), paging, paged.count());
    }

    public static <T> Page<T> of(List<T> items, PageParams paging, long totalItems) {
        return new Page<>(items, paging.page, paging.size, totalItems,
                (int) ((totalItems + paging.size - 1) / paging.size));
    }
}
