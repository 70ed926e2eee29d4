package org.optilock.processor.model;

import com.palantir.javapoet.MethodSpec;
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
    enum Result { VOID, ONE, OPTIONAL, ARRAY, LIST, STREAM, PAGE, CURSORED_PAGE, INT, LONG }

    /**
     * {@code @Insert}, {@code @Update}, {@code @Delete} or {@code @Save} of the entities in parameter
     * {@code parameter}.
     *
     * @param typeVariable whether the method declares its entity type as a type variable bounded by the
     *     entity ({@code <S extends T> S save(S)}), so that a new instance must be cast to it
     */
    record Lifecycle(MethodSpec signature, Operation operation, Many many, String parameter, Result result,
            boolean typeVariable) implements RepositoryMethod {}

    /** One condition of a query: the attribute equals the parameter. */
    record Condition(PropertyModel property, String parameter) {}

    /** One key of a declared order ({@code @OrderBy}). */
    record OrderKey(String attribute, boolean descending, boolean ignoreCase) {}

    /** The kind of a parameter that orders the rows. */
    enum SortKind { SORT, SORTS, ORDER }

    /** A parameter that orders the rows, in the order they are declared. */
    record SortParameter(String name, SortKind kind) {}

    /**
     * {@code @Find}: the rows whose attributes equal the parameters, in the declared order then that of
     * the call, as {@code result}.
     */
    record Find(MethodSpec signature, List<Condition> conditions, List<OrderKey> orderBy,
            List<SortParameter> sorts, Optional<String> limit, Optional<String> pageRequest, Result result)
            implements RepositoryMethod {

        public Find {
            conditions = List.copyOf(conditions);
            orderBy = List.copyOf(orderBy);
            sorts = List.copyOf(sorts);
        }
    }

    /** {@code @Delete} of the rows whose attributes equal the parameters, whatever their versions. */
    record DeleteWhere(MethodSpec signature, List<Condition> conditions, Result result) implements RepositoryMethod {

        public DeleteWhere {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code findById} or {@code deleteById} of {@code BasicRepository}, by the whole key, composite or not. */
    record ById(MethodSpec signature, boolean delete, String parameter) implements RepositoryMethod {}
}
