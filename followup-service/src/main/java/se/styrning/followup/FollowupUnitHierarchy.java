package se.styrning.followup;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitTableHierarchy;

/** The organisation tree as plan-service's events describe it (reporting_unit), for unit-scoped writes. */
@Singleton
public class FollowupUnitHierarchy extends UnitTableHierarchy {

    FollowupUnitHierarchy(EntityManager entityManager) {
        super(entityManager, "reporting_unit");
    }
}
