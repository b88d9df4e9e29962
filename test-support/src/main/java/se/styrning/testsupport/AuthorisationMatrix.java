package se.styrning.testsupport;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs a service's authorisation matrix: every endpoint called as every kind of caller, each expected to answer with
 * a 2xx ({@link #ALLOWED}) or with one refusal status (401, 403). A refused call changes nothing, so the refused
 * callers of an endpoint share one fixture; each allowed caller gets a fresh one. A 4xx to a caller that is to be
 * refused must be problem+json (asserted at once); every other mismatch is collected, so one run names them all.
 * The service's test keeps its matrix: the endpoints, the callers, what each may do and how each request is signed.
 */
public final class AuthorisationMatrix {

    /** The expected status that stands for any 2xx. */
    public static final int ALLOWED = 200;

    private AuthorisationMatrix() {
    }

    /** An endpoint of the matrix, named as a mismatch reports it (e.g. {@code PUT /api/plans/{id}}). */
    public interface Endpoint {
        String name();
    }

    /** A fresh fixture (a unit with its data) for the endpoints to work on. */
    @FunctionalInterface
    public interface Fixtures<F> {
        F create() throws Exception;
    }

    /** The status an endpoint should answer a caller: {@link #ALLOWED} or a refusal. */
    @FunctionalInterface
    public interface Expectation<E, C> {
        int status(E endpoint, C caller);
    }

    /** Calls an endpoint as a caller on a fixture. */
    @FunctionalInterface
    public interface Call<E, C, F> {
        Response call(E endpoint, C caller, F fixture) throws Exception;
    }

    /**
     * Calls every endpoint as every caller, in order, and returns the mismatches, each as
     * {@code <endpoint> as <CALLER>: expected <2xx|status>, got <status> <body>}; empty when all answered as expected.
     */
    public static <E extends Endpoint, C, F> List<String> mismatches(List<E> endpoints, C[] callers,
                                                                     Expectation<E, C> expected, Fixtures<F> fixtures,
                                                                     Call<E, C, F> call) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (E endpoint : endpoints) {
            F shared = fixtures.create();
            for (C caller : callers) {
                int status = expected.status(endpoint, caller);
                F fixture = status == ALLOWED ? fixtures.create() : shared;
                Response response = call.call(endpoint, caller, fixture);
                boolean ok = status == ALLOWED ? response.statusCode() / 100 == 2 : response.statusCode() == status;
                if (!ok) {
                    wrong.add(endpoint.name() + " as " + caller + ": expected " + (status == ALLOWED ? "2xx" : status)
                            + ", got " + response.statusCode() + " " + response.asString());
                }
                if (status != ALLOWED && response.statusCode() / 100 == 4) {
                    assertEquals("application/problem+json", response.contentType(), endpoint.name() + " as " + caller);
                }
            }
        }
        return wrong;
    }
}
