package org.optilock.spring.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.optilock.runtime.EntityTable;
import org.optilock.runtime.Schema;
import org.optilock.runtime.Triggers;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code optilock}: every DAO and repository bean with its entity's table, key,
 * version column and strategy, and the conflicts its entity met since start; and every version
 * trigger the database holds. Expose it with {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "optilock")
public class OptilockEndpoint {

    /** What the endpoint answers. */
    public record Report(List<Bean> beans, List<String> triggers) {}

    /**
     * One bean. The entity's fields are {@code null} for a repository whose methods name several
     * entities; {@code conflicts} is {@code null} without Micrometer.
     */
    public record Bean(String name, String kind, String entity, String table, List<String> keyColumns,
            String versionColumn, String strategy, String trigger, Double conflicts) {}

    private final DataSource dataSource;
    private final ListableBeanFactory beans;
    private final ConflictCounts conflicts;

    public OptilockEndpoint(DataSource dataSource, ListableBeanFactory beans, ConflictCounts conflicts) {
        this.dataSource = dataSource;
        this.beans = beans;
        this.conflicts = conflicts;
    }

    @ReadOperation
    public Report report() {
        List<Bean> found = new ArrayList<>();
        for (EntityBeans.EntityBean bean : new EntityBeans(beans).all()) {
            String kind = bean.kind().name().toLowerCase(Locale.ROOT);
            if (bean.entityType().isEmpty()) {
                found.add(new Bean(bean.name(), kind, null, null, null, null, null, null, null));
                continue;
            }
            EntityTable table = Schema.tableOf(bean.entityType().get());
            found.add(new Bean(bean.name(), kind, table.entityType().getName(), table.table(), table.keyColumns(),
                    table.versionColumn().orElse(null), table.strategy(), table.trigger().orElse(null),
                    conflicts.since(table.entityType()).orElse(null)));
        }
        return new Report(found, Triggers.list(dataSource));
    }
}
