package se.styrning.budget;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import se.styrning.platform.security.UnitTableHierarchy;

/**
 * The organisation tree from plan-service's events. A unit not (yet) known stands alone: only a token that
 * names it (or an admin) may write its figures until its place in the tree arrives.
 */
@Singleton
public class BudgetUnitHierarchy extends UnitTableHierarchy {

    BudgetUnitHierarchy(EntityManager entityManager) {
        super(entityManager, "known_unit");
    }
}
