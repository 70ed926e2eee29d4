package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.ConnectionSource;
import org.optilock.runtime.OptilockSettings;
import org.optilock.spring.app.Memo;
import org.optilock.spring.app.MemoApplication;
import org.optilock.spring.app.MemoDao;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** An application's own ConnectionSource and OptilockSettings beans win over Optilock's. */
@SpringBootTest(classes = {MemoApplication.class, OwnConnectionSourceTest.Own.class},
        properties = "spring.datasource.url=jdbc:h2:mem:own;DB_CLOSE_DELAY=-1")
class OwnConnectionSourceTest {

    static final AtomicInteger LEASES = new AtomicInteger();
    static final OptilockSettings SETTINGS = OptilockSettings.builder().versionFieldRequired(false).build();

    @TestConfiguration
    static class Own {
        @Bean
        ConnectionSource countingConnections(DataSource dataSource) {
            ConnectionSource spring = SpringConnectionSource.of(dataSource);
            return () -> {
                LEASES.incrementAndGet();
                return spring.lease();
            };
        }

        @Bean
        OptilockSettings ownSettings() {
            return SETTINGS;
        }
    }

    @Autowired
    MemoDao memos;

    @Autowired
    OptilockSettings settings;

    @Test
    void theDaoUsesTheApplicationsBeans() {
        int before = LEASES.get();
        memos.insert(new Memo(1, "counted"));
        assertEquals(before + 1, LEASES.get());
        assertSame(SETTINGS, settings);
    }
}
