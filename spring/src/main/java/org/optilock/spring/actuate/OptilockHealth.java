package org.optilock.spring.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.optilock.runtime.Schema;
import org.optilock.runtime.SchemaMismatch;
import org.optilock.runtime.Triggers;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Whether the live tables still fit the entities of the application's DAOs and repositories, a
 * {@code TRIGGER} entity's trigger included: what the {@code optilock} health indicator reports, for
 * either Spring Boot's health contract.
 */
public final class OptilockHealth {

    /** The check's answer: whether it is up, and the details to show. */
    public record Report(boolean up, Map<String, Object> details) {}

    private final DataSource dataSource;
    private final ListableBeanFactory beans;

    public OptilockHealth(DataSource dataSource, ListableBeanFactory beans) {
        this.dataSource = dataSource;
        this.beans = beans;
    }

    /** Down when anything differs, with every mismatch and its fix; up with the entities and triggers seen. */
    public Report check() {
        Class<?>[] entities = new EntityBeans(beans).entityTypes();
        List<SchemaMismatch> mismatches = Schema.verify(dataSource, entities);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entities", entities.length);
        details.put("triggers", Triggers.list(dataSource));
        if (!mismatches.isEmpty()) {
            details.put("mismatches", mismatches.stream().map(SchemaMismatch::toString).toList());
        }
        return new Report(mismatches.isEmpty(), details);
    }
}
