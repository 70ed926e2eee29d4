package org.optilock.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.optilock.processor.fuzz.EntityShape.Field;
import org.optilock.processor.fuzz.EntityShape.Key;
import org.optilock.processor.fuzz.EntityShape.Version;

/** Random entity shapes, as careless and as careful users write them. */
final class ShapeGenerator {

    /** Field names: plain ones, odd case, and two that differ only in case ({@code label}, {@code Label}). */
    private static final List<String> NAMES = List.of(
            "title", "amount", "note", "createdOn", "score", "flag", "label", "Label", "x", "aB", "camelCaseName",
            "ALLCAPS", "snake_name", "name2", "status");

    /** Words some database reserves, that are legal Java names: one field in ten gets one. */
    private static final List<String> RESERVED = List.of(
            "order", "select", "user", "group", "value", "key", "year", "limit", "offset", "table", "check", "index",
            "comment", "from", "where");

    private static final List<FieldKind> SUPPORTED = List.of(FieldKind.values()).stream().filter(FieldKind::supported).toList();
    private static final List<FieldKind> REFUSED = List.of(FieldKind.values()).stream().filter(k -> !k.supported()).toList();

    private ShapeGenerator() {}

    /** {@code count} shapes named {@code Shape0}, {@code Shape1}, ... */
    static List<EntityShape> batch(Random random, int count) {
        List<EntityShape> shapes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shapes.add(shape(random, "Shape" + i));
        }
        return shapes;
    }

    private static EntityShape shape(Random random, String name) {
        boolean record = random.nextInt(4) == 0;
        boolean immutable = !record && random.nextInt(3) == 0;
        boolean properties = !record && random.nextBoolean();
        Key key = pick(random, List.of(Key.values()));
        Version version = pick(random, List.of(Version.values()));
        List<String> names = new ArrayList<>(NAMES);
        if (properties) {
            names.remove("Label"); // getLabel() twice would be the Java compiler's error, not ours
        }
        List<String> reserved = new ArrayList<>(RESERVED);
        List<Field> fields = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            List<String> from = random.nextInt(10) == 0 ? reserved : names;
            String field = from.remove(random.nextInt(from.size()));
            FieldKind kind = random.nextInt(8) == 0 ? pick(random, REFUSED) : pick(random, SUPPORTED);
            fields.add(new Field(field, kind));
        }
        // An immutable shape assigns every field in its own constructor, so it inherits none.
        int inherited = !record && !immutable && count > 0 && random.nextInt(3) == 0 ? 1 + random.nextInt(count) : 0;
        List<String> checkFields = new ArrayList<>();
        List<String> ignoreFields = new ArrayList<>();
        if (version.strategy != null && count > 0 && random.nextInt(3) == 0) {
            List<String> listed = random.nextBoolean() ? checkFields : ignoreFields;
            for (Field field : fields) {
                if (random.nextBoolean()) {
                    listed.add(field.name());
                }
            }
            if (random.nextInt(8) == 0) {
                listed.add("noSuchField");
            }
        }
        return new EntityShape(name, record, immutable, properties, key, version, fields, inherited, checkFields,
                ignoreFields);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
