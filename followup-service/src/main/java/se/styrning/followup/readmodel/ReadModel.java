package se.styrning.followup.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/** Applies what other services publish to followup-service's own tables. */
@ApplicationScoped
public class ReadModel {

    private final EntityManager entityManager;

    ReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Creates or updates the copy unless a newer version is already held; returns whether it changed.
     * {@code fill} sets the fields the event carries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Replica> boolean upsert(Class<T> type, UUID id, long version, Consumer<T> fill) {
        T row = entityManager.find(type, id);
        if (row == null) {
            row = newRow(type);
            row.id = id;
        } else if (row.version > version) {
            return false;
        }
        fill.accept(row);
        row.version = version;
        row.updatedAt = Instant.now();
        entityManager.persist(row);
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Replica> void remove(Class<T> type, UUID id) {
        T row = entityManager.find(type, id);
        if (row != null) {
            entityManager.remove(row);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ActivityStatusReport report) {
        entityManager.persist(report);
    }

    private static <T> T newRow(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot create a " + type.getSimpleName(), e);
        }
    }
}
