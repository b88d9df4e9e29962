package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.budget.event.CostObjectUpserted;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A cost object (uppdrag / ansvar): a node of the tree outcomes roll up in. Only leaves carry figures. */
@Entity
@Table(name = "cost_object")
public class CostObject extends PanacheEntityBase {

    /**
     * How many levels the tree walks below go down or up at most. Two moves racing each other can leave a cycle, so
     * the walks also stop at an object they have already passed: each object comes once.
     */
    static final int MAX_LEVELS = 64;

    @Id
    public UUID id;
    public String code;
    public String name;
    public UUID unitId;
    public UUID parentId;
    public int position;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    public static Optional<CostObject> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean hasChildren() {
        return count("parentId", id) > 0;
    }

    /** The object and everything below it, parents before children, siblings by position. */
    @SuppressWarnings("unchecked")
    public static List<CostObject> subtree(UUID rootId) {
        return getEntityManager().createNativeQuery("""
                        with recursive below(id, path, level) as (
                            select id, array[position, 0], 0 from cost_object where id = ?1
                            union all
                            select c.id, b.path || array[c.position, 0], b.level + 1
                            from cost_object c join below b on c.parent_id = b.id where b.level < %d)
                            cycle id set is_cycle using visited
                        select c.* from cost_object c join below b on c.id = b.id and not b.is_cycle order by b.path"""
                        .formatted(MAX_LEVELS), CostObject.class)
                .setParameter(1, rootId)
                .getResultList();
    }

    /** Ids of the ancestors, nearest first. */
    @SuppressWarnings("unchecked")
    public List<UUID> ancestorIds() {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        with recursive up(id, parent_id, depth) as (
                            select id, parent_id, 0 from cost_object where id = ?1
                            union all
                            select c.id, c.parent_id, up.depth + 1
                            from cost_object c join up on c.id = up.parent_id where up.depth < %d)
                            cycle id set is_cycle using visited
                        select id from up where depth > 0 and not is_cycle order by depth""".formatted(MAX_LEVELS))
                .setParameter(1, id)
                .getResultList();
        return new ArrayList<>(ids);
    }

    static CostObject create(String code, String name, UUID unitId, UUID parentId, int position, Instant now) {
        CostObject object = new CostObject();
        object.id = UUID.randomUUID();
        object.createdAt = now;
        object.change(code, name, unitId, parentId, position, now);
        return object;
    }

    void change(String newCode, String newName, UUID newUnitId, UUID newParentId, int newPosition, Instant now) {
        code = newCode;
        name = newName;
        unitId = newUnitId;
        parentId = newParentId;
        position = newPosition;
        updatedAt = now;
    }

    public CostObjectUpserted upserted() {
        return new CostObjectUpserted(id, code, name, unitId, parentId, position, version);
    }

    /** The CostObject with this id, or a 404 problem. */
    public static CostObject require(UUID id) {
        return CostObject.<CostObject>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Cost object", id));
    }
}
