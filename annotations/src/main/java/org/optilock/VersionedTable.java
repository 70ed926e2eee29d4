package org.optilock;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Versions a class you cannot edit, such as one from a library jar (django-concurrency's
 * {@code apply_concurrency_check}). Put it on any type of your own; the processor writes
 * {@code <Entity>Dao} in that type's package. The class needs a public constructor without
 * parameters; its public fields and its public getter/setter pairs are its columns.
 *
 * <p>The version lives in the table only, never in the class: the DAO hands out and takes back
 * {@code org.optilock.runtime.Versioned<Entity>}, the entity together with the version it was read
 * with. Nothing is kept per instance behind your back.
 *
 * <pre>{@code
 * @VersionedTable(entity = com.library.User.class, table = "auth_user", id = "id")
 * interface UserVersioning {}
 *
 * UserDao users = new UserDao(dataSource);
 * Versioned<User> read = users.findById(7L).orElseThrow();
 * read.value().setEmail("new@example.com");
 * Versioned<User> saved = users.update(read);   // conditional on read.version()
 * }</pre>
 */
@Target(TYPE)
@Retention(CLASS)
public @interface VersionedTable {

    /** The class to version. */
    Class<?> entity();

    /** Its table. */
    String table();

    /** The name of its key property (a public field, or a getter/setter pair). */
    String id();

    /** The column that holds the version: a whole number, a {@link Strategy#COUNTER} version. */
    String versionColumn() default "version";

    /** Properties of the class that are not columns. */
    String[] ignore() default {};
}
