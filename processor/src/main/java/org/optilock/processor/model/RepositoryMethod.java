package org.optilock.processor.model;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * One abstract method of a repository and what its implementation does. Its {@link #signature()}
 * overrides the interface's method (type variables resolved against the repository), without a body.
 */
public sealed interface RepositoryMethod {

    /** The overriding method, without its body. */
    MethodSpec signature();

    /** What a lifecycle method does to the entities it is given. */
    enum Operation {
        INSERT("Insert"), UPDATE("Update"), DELETE("Delete"), SAVE("Save");

        private final String annotation;

        Operation(String annotation) {
            this.annotation = annotation;
        }

        /** The simple name of the annotation that asks for it. */
        public String annotation() {
            return annotation;
        }
    }

    /** How many entities a method takes: one, or several as an array (varargs too), a List or an Iterable. */
    enum Many { ONE, ARRAY, LIST, ITERABLE }

    /** What a method returns. */
    enum Result { VOID, ONE, OPTIONAL, ARRAY, LIST, STREAM, PAGE, CURSORED_PAGE, INT, LONG, BOOLEAN }

    /**
     * {@code @Insert}, {@code @Update}, {@code @Delete} or {@code @Save} of the entities in parameter
     * {@code parameter}.
     *
     * @param typeVariable whether the method declares its entity type as a type variable bounded by the
     *     entity ({@code <S extends T> S save(S)}), so that a new instance must be cast to it
     */
    record Lifecycle(MethodSpec signature, Operation operation, Many many, String parameter, Result result,
            boolean typeVariable) implements RepositoryMethod {}

    /** How a parameter's value is bound. */
    enum Form {
        /** As it is. */
        VALUE,
        /** As a pattern that finds it anywhere in the text: {@code %value%}. */
        CONTAINS,
        /** As a pattern that finds it at the start: {@code value%}. */
        STARTS_WITH,
        /** As a pattern that finds it at the end: {@code %value}. */
        ENDS_WITH,
        /** Each element of a collection or array, one parameter each, in a list of the condition. */
        EACH
    }

    /**
     * One value a statement binds, in the order of its parameters: method parameter {@code parameter},
     * bound as a column of {@code type} (its elements, for {@link Form#EACH}), in {@code form}.
     *
     * @param elementType the Java type of one value: the parameter's, or its elements'
     */
    record Binding(String parameter, ColumnType type, TypeName elementType, Form form) {}

    /**
     * Which rows a query or change concerns: a condition on columns, each value a {@code ?} (a list,
     * {@code {?}}, for each {@link Form#EACH} binding), empty for every row; and what binds its parameters.
     */
    record Restriction(SqlText condition, List<Binding> bindings) {

        /** Every row. */
        public static final Restriction NONE = new Restriction(SqlText.of(""), List.of());

        public Restriction {
            bindings = List.copyOf(bindings);
        }
    }

    /**
     * What a JDQL {@code SELECT} reads of each row instead of the entity: one expression, read as
     * {@code type} into {@code javaType}.
     */
    record Projection(SqlText expression, ColumnType type, TypeName javaType) {}

    /** One key of a declared order ({@code @OrderBy}). */
    record OrderKey(String attribute, boolean descending, boolean ignoreCase) {}

    /** The kind of a parameter that orders the rows. */
    enum SortKind { SORT, SORTS, ORDER }

    /** A parameter that orders the rows, in the order they are declared. */
    record SortParameter(String name, SortKind kind) {}

    /**
     * A query ({@code @Find}, a method name, JDQL): the rows of {@code restriction}, in the declared
     * order then that of the call, at most {@code first} of them when it is positive, as {@code result};
     * each row the entity, or what {@code projection} selects.
     */
    record Find(MethodSpec signature, Optional<Projection> projection, Restriction restriction,
            List<OrderKey> orderBy, List<SortParameter> sorts, Optional<String> limit, int first,
            Optional<String> pageRequest, Result result) implements RepositoryMethod {

        public Find {
            orderBy = List.copyOf(orderBy);
            sorts = List.copyOf(sorts);
        }
    }

    /**
     * How many rows {@code restriction} has ({@code countBy}, JDQL's {@code COUNT(THIS)}), as an
     * {@code int} or {@code long}; or whether it has one ({@code existsBy}), a {@code boolean}.
     */
    record Count(MethodSpec signature, Restriction restriction, Result result) implements RepositoryMethod {}

    /**
     * A statement that changes rows whatever their versions ({@code @Delete} by attributes,
     * {@code deleteBy}, a JDQL {@code UPDATE} or {@code DELETE}), returning nothing, how many rows it
     * changed ({@code int}, {@code long}) or whether it changed any ({@code boolean}).
     */
    record Change(MethodSpec signature, SqlText statement, List<Binding> bindings, Result result)
            implements RepositoryMethod {

        public Change {
            bindings = List.copyOf(bindings);
        }
    }

    /** {@code findById} or {@code deleteById} of {@code BasicRepository}, by the whole key, composite or not. */
    record ById(MethodSpec signature, boolean delete, String parameter) implements RepositoryMethod {}
}
