package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.plan.event.UnitUpserted;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.security.UnitTableHierarchy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A unit of the organisation tree; plans, budgets and follow-ups belong to a unit. */
@Entity
@Table(name = "organisation_unit")
public class OrganisationUnit extends PanacheEntityBase {

    private static final String SUBTREE = """
            with recursive below(id, level) as (
                select id, 0 from organisation_unit where id = ?1
                union all
                select u.id, b.level + 1 from organisation_unit u join below b on u.parent_id = b.id
                where b.level < %d)
                cycle id set is_cycle using path
            select u.* from organisation_unit u join below b on u.id = b.id and not b.is_cycle order by u.code"""
            .formatted(UnitTableHierarchy.MAX_LEVELS);

    @Id
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public UnitKind kind;
    public UUID parentId;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    public static Optional<OrganisationUnit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * The unit and everything below it, in one recursive query. Each unit comes once even if two racing moves left a
     * cycle, and the walk stops {@link UnitTableHierarchy#MAX_LEVELS} levels down: a region's tree is five deep.
     */
    @SuppressWarnings("unchecked")
    public static List<OrganisationUnit> subtree(UUID rootId) {
        return getEntityManager().createNativeQuery(SUBTREE, OrganisationUnit.class)
                .setParameter(1, rootId)
                .getResultList();
    }

    void change(String newCode, String newName, UnitKind newKind, UUID newParentId, Instant now) {
        code = newCode;
        name = newName;
        kind = newKind;
        parentId = newParentId;
        updatedAt = now;
    }

    static OrganisationUnit create(String code, String name, UnitKind kind, UUID parentId, Instant now) {
        OrganisationUnit unit = new OrganisationUnit();
        unit.id = UUID.randomUUID();
        unit.code = code;
        unit.name = name;
        unit.kind = kind;
        unit.parentId = parentId;
        unit.createdAt = now;
        unit.updatedAt = now;
        return unit;
    }

    /** The event that tells subscribers this unit's current state. */
    public UnitUpserted upserted() {
        return new UnitUpserted(id, code, name, kind.name(), parentId, version);
    }

    /** The OrganisationUnit with this id, or a 404 problem. */
    public static OrganisationUnit require(UUID id) {
        return OrganisationUnit.<OrganisationUnit>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Unit", id));
    }
}
