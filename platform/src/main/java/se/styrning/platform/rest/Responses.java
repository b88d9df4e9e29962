package se.styrning.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The answers of versioned resources: the body with its version as ETag. */
public final class Responses {

    private Responses() {
    }

    /** 201 with a relative {@code Location} (right behind any proxy) and the new version as ETag. */
    public static Response created(String location, long version, Object body) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location)
                .tag(Versions.etag(version)).entity(body).build();
    }

    public static Response ok(long version, Object body) {
        return Response.ok(body).tag(Versions.etag(version)).build();
    }
}
