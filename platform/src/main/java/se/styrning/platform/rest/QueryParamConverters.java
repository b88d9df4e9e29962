package se.styrning.platform.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import se.styrning.platform.problem.ProblemException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters that do not parse are the client's mistake: a 400 naming the parameter, where JAX-RS would
 * answer 404. Covers enums, dates, instants, UUIDs and whole numbers.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value()).findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        if (type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
            return converter(name, "must be one of " + allowed, value -> (T) Enum.valueOf((Class) type, value));
        }
        if (type == LocalDate.class) {
            return converter(name, "must be an ISO date (yyyy-mm-dd)", value -> (T) LocalDate.parse(value));
        }
        if (type == Instant.class) {
            return converter(name, "must be an ISO instant (e.g. 2021-01-31T23:00:00Z)", value -> (T) Instant.parse(value));
        }
        if (type == UUID.class) {
            return converter(name, "must be a UUID", value -> (T) UUID.fromString(value));
        }
        if (type == Integer.class || type == int.class) {
            return converter(name, "must be a whole number", value -> (T) Integer.valueOf(value));
        }
        if (type == Long.class || type == long.class) {
            return converter(name, "must be a whole number", value -> (T) Long.valueOf(value));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String message, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw ProblemException.invalidField(name, message);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
