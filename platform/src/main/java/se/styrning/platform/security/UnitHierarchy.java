package se.styrning.platform.security;

import java.util.Set;
import java.util.UUID;

/** How a service knows the organisation tree: each service that scopes writes by unit provides one. */
public interface UnitHierarchy {

    /** The unit and every unit above it. */
    Set<UUID> unitAndAncestors(UUID unitId);
}
