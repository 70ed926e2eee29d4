/**
 * An application in a named module: it requires Optilock's modules by the names their jars declare,
 * and nothing for the DAOs' sake (without {@code java.compiler} here, they carry no {@code @Generated}).
 */
module org.optilock.examples.modular {
    requires static org.optilock.annotations; // read by the processor only
    requires org.optilock.runtime;
    requires jakarta.persistence;
    requires java.sql;
}
