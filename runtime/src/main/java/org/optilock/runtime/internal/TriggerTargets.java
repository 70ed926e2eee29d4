package org.optilock.runtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trigger targets of the {@code Strategy.TRIGGER} entities, registered by their DAOs' static
 * initializers, so that {@code Triggers} can go from an entity class to its table without reading
 * the class reflectively.
 */
public final class TriggerTargets {

    private static final Map<Class<?>, TriggerTarget> TARGETS = new ConcurrentHashMap<>();

    private TriggerTargets() {}

    /** Called by a generated DAO when its class is initialized. */
    public static void register(Class<?> entityType, TriggerTarget target) {
        TARGETS.put(entityType, target);
    }

    /**
     * The trigger target of {@code entityType}, initializing its DAO class if that has not happened yet.
     *
     * @throws IllegalArgumentException if {@code entityType} has no DAO or no TRIGGER version
     */
    public static TriggerTarget of(Class<?> entityType) {
        TriggerTarget target = TARGETS.get(entityType);
        if (target != null) {
            return target;
        }
        String dao = daoName(entityType);
        try {
            Class.forName(dao, true, entityType.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(entityType.getName() + " has no DAO " + dao
                    + ": is it an entity compiled with the Optilock processor on the annotation processor path?", e);
        }
        target = TARGETS.get(entityType);
        if (target == null) {
            throw new IllegalArgumentException(entityType.getName() + " does not use Strategy.TRIGGER, so it has no"
                    + " version trigger. Annotate its version with @VersionField(strategy = Strategy.TRIGGER).");
        }
        return target;
    }

    /** The generated DAO's name: the entity's, nested names joined by underscores, plus "Dao". */
    private static String daoName(Class<?> entityType) {
        String binary = entityType.getName();
        int dot = binary.lastIndexOf('.');
        return binary.substring(0, dot + 1) + binary.substring(dot + 1).replace('$', '_') + "Dao";
    }
}
