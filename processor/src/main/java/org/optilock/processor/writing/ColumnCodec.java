package org.optilock.processor.writing;

import static org.optilock.processor.writing.RuntimeContract.BIND_INSTANT;
import static org.optilock.processor.writing.RuntimeContract.COLUMN_VALUES;
import static org.optilock.processor.writing.RuntimeContract.KEY_INTEGER;
import static org.optilock.processor.writing.RuntimeContract.KEY_LONG;
import static org.optilock.processor.writing.RuntimeContract.KEY_OTHER;
import static org.optilock.processor.writing.RuntimeContract.KEY_STRING;
import static org.optilock.processor.writing.RuntimeContract.KEY_UUID;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.optilock.processor.model.ColumnType;
import org.optilock.processor.model.KeyModel;

/**
 * The JDBC code that binds a value of one {@link ColumnType} to a statement parameter and reads it
 * from a result column. Types a single driver call handles are bound directly; the rest go through
 * the runtime's {@code ColumnValues}, but for an {@code Instant}, which the DAO's database binds
 * ({@code bindInstant}, inherited from the runtime's base class).
 */
final class ColumnCodec {

    private static final String ENUM_NAME = "enumName";
    private static final String ENUM_ORDINAL = "enumOrdinal";
    private static final String CHAR_TEXT = "charText";

    /** How one column type is handled: by a driver method, or by a {@code ColumnValues} method pair. */
    private record Methods(boolean direct, String setter, String getter) {}

    private ColumnCodec() {}

    /** {@code statement.setX(index, value)} or its {@code ColumnValues} equivalent, as a statement. */
    static CodeBlock bind(ColumnType type, String statement, Object index, CodeBlock value) {
        if (type == ColumnType.INSTANT) {
            return CodeBlock.of("$N($N, $L, $L)", BIND_INSTANT, statement, index, value);
        }
        Methods methods = methods(type);
        return methods.direct()
                ? CodeBlock.of("$N.$N($L, $L)", statement, methods.setter(), index, value)
                : CodeBlock.of("$T.$N($N, $L, $L)", COLUMN_VALUES, methods.setter(), statement, index, value);
    }

    /**
     * {@code value} as the object a driver would bind for a column of {@code type}: an enum as its
     * name or ordinal, a char as its text, anything else as it is.
     */
    static CodeBlock value(ColumnType type, CodeBlock value) {
        return switch (type) {
            case ENUM_BY_NAME -> CodeBlock.of("$T.$N($L)", COLUMN_VALUES, ENUM_NAME, value);
            case ENUM_BY_ORDINAL -> CodeBlock.of("$T.$N($L)", COLUMN_VALUES, ENUM_ORDINAL, value);
            case CHAR, BOXED_CHAR -> CodeBlock.of("$T.$N($L)", COLUMN_VALUES, CHAR_TEXT, value);
            default -> value;
        };
    }

    /**
     * The runtime's {@code KeyType} of {@code key}, which binds and reads it for the DAO; {@code OTHER}
     * for a key of several columns or another type, which the DAO binds and reads itself.
     */
    static String keyType(KeyModel key) {
        if (key.isComposite()) {
            return KEY_OTHER;
        }
        return switch (key.single().columnType()) {
            case LONG, BOXED_LONG -> KEY_LONG;
            case INT, BOXED_INT -> KEY_INTEGER;
            case STRING -> KEY_STRING;
            case UUID -> KEY_UUID;
            default -> KEY_OTHER;
        };
    }

    /** Whether {@link #value} gives a column of {@code type} as its field holds it, not converted. */
    static boolean valueIsField(ColumnType type) {
        return switch (type) {
            case ENUM_BY_NAME, ENUM_BY_ORDINAL, CHAR, BOXED_CHAR -> false;
            default -> true;
        };
    }

    /** The expression that reads column {@code column} of {@code resultSet} as {@code javaType}. */
    static CodeBlock read(ColumnType type, TypeName javaType, String resultSet, Object column) {
        Methods methods = methods(type);
        return switch (type) {
            case ENUM_BY_NAME -> CodeBlock.of("$T.$N($N, $L, $T.class)",
                    COLUMN_VALUES, methods.getter(), resultSet, column, javaType);
            case ENUM_BY_ORDINAL -> CodeBlock.of("$T.$N($N, $L, $N)",
                    COLUMN_VALUES, methods.getter(), resultSet, column, ordinalsConstant(javaType));
            default -> methods.direct()
                    ? CodeBlock.of("$N.$N($L)", resultSet, methods.getter(), column)
                    : CodeBlock.of("$T.$N($N, $L)", COLUMN_VALUES, methods.getter(), resultSet, column);
        };
    }

    /**
     * The DAO's constant holding the constants of an enum stored by ordinal, so that reading a row
     * does not copy them ({@code values()} returns a new array each call). Named after the enum's
     * canonical name, so two enums never share one.
     */
    static String ordinalsConstant(TypeName enumType) {
        return "ORDINALS_OF_" + enumType.toString().replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The names of every {@code ColumnValues} method generated code may call, for {@code RuntimeContractTest}. */
    static Set<String> columnValuesMethods() {
        Set<String> names = new TreeSet<>(Set.of(ENUM_NAME, ENUM_ORDINAL, CHAR_TEXT));
        for (ColumnType type : ColumnType.values()) {
            Methods methods = methods(type);
            if (!methods.direct()) {
                names.add(methods.getter());
                if (methods.setter() != null) {
                    names.add(methods.setter());
                }
            }
        }
        return names;
    }

    private static Methods methods(ColumnType type) {
        return switch (type) {
            case BOOLEAN -> new Methods(true, "setBoolean", "getBoolean");
            case BYTE -> new Methods(true, "setByte", "getByte");
            case SHORT -> new Methods(true, "setShort", "getShort");
            case INT -> new Methods(true, "setInt", "getInt");
            case LONG -> new Methods(true, "setLong", "getLong");
            case FLOAT -> new Methods(true, "setFloat", "getFloat");
            case DOUBLE -> new Methods(true, "setDouble", "getDouble");
            case STRING -> new Methods(true, "setString", "getString");
            case BIG_DECIMAL -> new Methods(true, "setBigDecimal", "getBigDecimal");
            case BYTES -> new Methods(true, "setBytes", "getBytes");
            case BOXED_BOOLEAN -> new Methods(false, "setBoolean", "getBoolean");
            case BOXED_BYTE -> new Methods(false, "setByte", "getByte");
            case BOXED_SHORT -> new Methods(false, "setShort", "getShort");
            case CHAR -> new Methods(false, "setChar", "getChar");
            case BOXED_CHAR -> new Methods(false, "setCharacter", "getCharacter");
            case BOXED_INT -> new Methods(false, "setInteger", "getInteger");
            case BOXED_LONG -> new Methods(false, "setLong", "getLong");
            case BOXED_FLOAT -> new Methods(false, "setFloat", "getFloat");
            case BOXED_DOUBLE -> new Methods(false, "setDouble", "getDouble");
            case UUID -> new Methods(false, "setUuid", "getUuid");
            case LOCAL_DATE -> new Methods(false, "setLocalDate", "getLocalDate");
            case LOCAL_DATE_TIME -> new Methods(false, "setLocalDateTime", "getLocalDateTime");
            case OFFSET_DATE_TIME -> new Methods(false, "setOffsetDateTime", "getOffsetDateTime");
            case INSTANT -> new Methods(false, null, "getInstant");
            case ENUM_BY_NAME -> new Methods(false, "setEnumName", "getEnumByName");
            case ENUM_BY_ORDINAL -> new Methods(false, "setEnumOrdinal", "getEnumByOrdinal");
        };
    }
}
