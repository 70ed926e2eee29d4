package org.optilock.runtime.internal;

/**
 * Finds the generated DAO of an entity class by its name and initializes it, so that what its static
 * initializer registers (its trigger, its table) is there: the one place the runtime goes from an
 * entity to its DAO, and it loads a class by name rather than reading the entity reflectively.
 */
final class GeneratedDaos {

    private GeneratedDaos() {}

    /**
     * Initializes the DAO of {@code entityType}.
     *
     * @throws IllegalArgumentException if it has none
     */
    static void initialize(Class<?> entityType) {
        String dao = daoName(entityType);
        try {
            Class.forName(dao, true, entityType.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(entityType.getName() + " has no DAO " + dao
                    + ": is it an entity compiled with the Optilock processor on the annotation processor path?", e);
        }
    }

    /** The generated DAO's name: the entity's, nested names joined by underscores, plus "Dao". */
    private static String daoName(Class<?> entityType) {
        String binary = entityType.getName();
        int dot = binary.lastIndexOf('.');
        return binary.substring(0, dot + 1) + binary.substring(dot + 1).replace('$', '_') + "Dao";
    }
}
