package se.styrning.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Object-level authorisation: who may change the data of a unit. An {@code admin} may change anything; anyone
 * else only the data of the units in their token's {@code units} claim and the units below them. Checked in
 * the use-case services, so a resource reached by id (an activity of another unit) is covered too.
 */
@ApplicationScoped
public class UnitAccess {

    public static final String ADMIN = "admin";
    public static final String UNITS_CLAIM = "units";

    private final Instance<SecurityIdentity> identity;
    private final Instance<UnitHierarchy> hierarchy;

    UnitAccess(Instance<SecurityIdentity> identity, Instance<UnitHierarchy> hierarchy) {
        this.identity = identity;
        this.hierarchy = hierarchy;
    }

    /**
     * Passes when the caller may change data of any one of {@code units} (nulls are ignored); 403 otherwise.
     * Code running outside a request (an event consumer) acts for the system and passes.
     */
    public void requireWrite(UUID... units) {
        SecurityIdentity caller = caller();
        if (caller == null || caller.isAnonymous() || caller.hasRole(ADMIN)) {
            return;
        }
        Set<UUID> granted = granted(caller);
        for (UUID unit : Arrays.stream(units).filter(Objects::nonNull).toList()) {
            Set<UUID> above = hierarchy.get().unitAndAncestors(unit);
            if (above.stream().anyMatch(granted::contains)) {
                return;
            }
        }
        throw new ProblemException(Problem.of(ProblemKind.FORBIDDEN,
                "Your token's units do not include the unit this belongs to"));
    }

    private SecurityIdentity caller() {
        try {
            return identity.get();
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    private static Set<UUID> granted(SecurityIdentity caller) {
        Set<UUID> granted = new HashSet<>();
        if (caller.getPrincipal() instanceof JsonWebToken token && token.getClaim(UNITS_CLAIM) instanceof Collection<?> units) {
            for (Object unit : units) {
                try {
                    granted.add(UUID.fromString(unit.toString().replace("\"", "")));
                } catch (IllegalArgumentException notAUnitId) {
                    // a claim value that is not a unit id grants nothing
                }
            }
        }
        return granted;
    }
}
