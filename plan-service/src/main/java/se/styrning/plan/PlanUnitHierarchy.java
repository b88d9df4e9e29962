package se.styrning.plan;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitTableHierarchy;

/** plan-service owns the organisation tree. */
@Singleton
public class PlanUnitHierarchy extends UnitTableHierarchy {

    PlanUnitHierarchy(EntityManager entityManager) {
        super(entityManager, "organisation_unit");
    }
}
