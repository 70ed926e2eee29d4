package org.optilock.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.optilock.processor.fuzz.EntityShape.Key;
import org.optilock.runtime.RecordModifiedException;
import org.optilock.runtime.Triggers;
import org.optilock.runtime.VersionedDao;

/**
 * Runs the DAO of one compiled shape through what users do with it: insert, find, update, a stale
 * copy's update refused, delete. The entity is built and read by reflection, as only a test that does
 * not know the class at compile time must; the DAO is used through its interface.
 */
final class RoundTrip {

    private final EntityShape shape;
    private final Class<?> entityType;
    private final VersionedDao<Object, Object, Object> dao;

    @SuppressWarnings("unchecked") // every generated DAO is a VersionedDao of its entity
    RoundTrip(EntityShape shape, ClassLoader classes, DataSource dataSource) throws ReflectiveOperationException {
        this.shape = shape;
        this.entityType = classes.loadClass(shape.qualifiedName());
        this.dao = (VersionedDao<Object, Object, Object>) classes.loadClass(shape.qualifiedName() + "Dao")
                .getConstructor(DataSource.class).newInstance(dataSource);
        if (shape.version() == EntityShape.Version.TRIGGER) {
            Triggers.create(dataSource, entityType);
        }
    }

    void run() throws ReflectiveOperationException {
        Object inserted = dao.insert(build(keyValue(), 0, initialVersion()));
        Object id = read(inserted, shape.key().field);
        Object found = dao.findById(id).orElseThrow(() -> new AssertionError(shape.name() + ": inserted row not found"));
        assertValues(found, 0);
        Object stale = dao.findById(id).orElseThrow();

        Object versionBefore = read(found, "version");
        Object updated = dao.update(changed(found, 1));
        if (!shape.guardedFields().isEmpty()) {
            assertNotEquals(versionBefore, read(updated, "version"), shape.name() + ": the update moved the version");
        }
        assertValues(dao.findById(id).orElseThrow(), 1);
        assertEquals(read(updated, "version"), read(dao.findById(id).orElseThrow(), "version"),
                shape.name() + ": the entity holds the row's version");

        if (!shape.guardedFields().isEmpty()) {
            Object staleChange = changed(stale, 2);
            assertThrows(RecordModifiedException.class, () -> dao.update(staleChange), shape.name() + ": stale copy");
            assertValues(dao.findById(id).orElseThrow(), 1);
        }
        dao.delete(updated);
        assertTrue(dao.findById(id).isEmpty(), shape.name() + ": deleted");
    }

    private Object keyValue() {
        return switch (shape.key()) {
            case GENERATED -> null;
            case ASSIGNED_LONG -> 7L;
            case ASSIGNED_STRING -> "key-7";
        };
    }

    private Object initialVersion() {
        return switch (shape.version().javaType) {
            case "long" -> 0L;
            case "int" -> 0;
            default -> null;
        };
    }

    /** A new entity with the key, value set {@code n} and the version. */
    private Object build(Object key, int n, Object version) throws ReflectiveOperationException {
        List<Object> values = new ArrayList<>();
        values.add(key);
        for (EntityShape.Field field : shape.fields()) {
            values.add(field.kind().value(n));
        }
        values.add(version);
        if (shape.record()) {
            RecordComponent[] components = entityType.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            return entityType.getDeclaredConstructor(types).newInstance(values.toArray());
        }
        if (shape.immutable()) {
            Collections.reverse(values); // the shape's constructor takes its fields in reverse order
            return entityType.getDeclaredConstructors()[0].newInstance(values.toArray());
        }
        Object entity = entityType.getDeclaredConstructor().newInstance();
        if (key != null || shape.key() != Key.GENERATED) {
            write(entity, shape.key().field, key);
        }
        for (EntityShape.Field field : shape.fields()) {
            write(entity, field.name(), field.kind().value(n));
        }
        write(entity, "version", version);
        return entity;
    }

    /** {@code entity} with value set {@code n}: the same object for a class, a new one for a record or an immutable class. */
    private Object changed(Object entity, int n) throws ReflectiveOperationException {
        if (shape.record() || shape.immutable()) {
            return build(read(entity, shape.key().field), n, read(entity, "version"));
        }
        for (EntityShape.Field field : shape.fields()) {
            write(entity, field.name(), field.kind().value(n));
        }
        return entity;
    }

    private void assertValues(Object entity, int n) throws ReflectiveOperationException {
        for (EntityShape.Field field : shape.fields()) {
            Object expected = field.kind().value(n);
            Object actual = read(entity, field.name());
            assertTrue(field.kind().same(expected, actual),
                    shape.name() + "." + field.name() + ": wrote " + expected + ", read " + actual);
        }
    }

    private Object read(Object entity, String name) throws ReflectiveOperationException {
        if (shape.record()) {
            return entityType.getMethod(name).invoke(entity);
        }
        return field(name).get(entity);
    }

    private void write(Object entity, String name, Object value) throws ReflectiveOperationException {
        field(name).set(entity, value);
    }

    private Field field(String name) throws NoSuchFieldException {
        for (Class<?> type = entityType; type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(shape.name() + "." + name);
    }
}
