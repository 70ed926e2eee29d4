package org.optilock;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the field that holds a row's version. The Optilock processor then writes a DAO for the
 * enclosing class whose every UPDATE and DELETE only succeeds when the row still has the version
 * that was read.
 *
 * <p>{@code @jakarta.persistence.Version} has the same effect with {@link Strategy#AUTO}; use this
 * annotation to choose another strategy or to make the version conditional.
 *
 * <pre>{@code
 * @Entity
 * public class Article {
 *     @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
 *     String title;
 *     @VersionField long version;
 * }
 * }</pre>
 */
@Target(FIELD)
@Retention(CLASS)
public @interface VersionField {

    /** How new versions are produced; {@link Strategy#AUTO} picks one from the field's type. */
    Strategy strategy() default Strategy.AUTO;

    /**
     * Conditional version: only an update that changes one of these fields bumps the version. The
     * version check in the WHERE clause always applies. Cannot be combined with {@link #ignoreFields()}.
     */
    String[] checkFields() default {};

    /**
     * Conditional version: an update that changes any field but these bumps the version. The
     * version check in the WHERE clause always applies. Cannot be combined with {@link #checkFields()}.
     */
    String[] ignoreFields() default {};

    /** {@link Strategy#TRIGGER} only: the trigger's name instead of {@code optilock_<table>_<column>}. */
    String triggerName() default "";
}
