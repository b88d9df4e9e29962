package se.styrning.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Who is acting: the token subject in a request, {@code system} outside one (e.g. an event consumer). */
@ApplicationScoped
public class CurrentSubject {

    public static final String SYSTEM = "system";

    private final Instance<SecurityIdentity> identity;

    CurrentSubject(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public String name() {
        try {
            SecurityIdentity current = identity.get();
            return current.isAnonymous() ? SYSTEM : current.getPrincipal().getName();
        } catch (RuntimeException noRequest) {
            return SYSTEM;
        }
    }
}
