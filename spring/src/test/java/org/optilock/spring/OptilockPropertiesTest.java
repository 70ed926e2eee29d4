package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.optilock.runtime.OptilockSettings;
import org.optilock.spring.app.MemoApplication;
import org.optilock.spring.boot.OptilockProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The optilock.* properties reach the settings bean, and IDEs can complete them. */
@SpringBootTest(classes = MemoApplication.class, properties = {
    "optilock.enabled=false", "optilock.version-field-required=false",
    "spring.datasource.url=jdbc:h2:mem:properties;DB_CLOSE_DELAY=-1"})
class OptilockPropertiesTest {

    @Autowired
    OptilockSettings settings;

    @Test
    void propertiesSetTheSettingsOfEveryDaoBean() {
        assertFalse(settings.enabled());
        assertFalse(settings.versionFieldRequired());
    }

    @Test
    void theModuleShipsConfigurationMetadata() throws IOException {
        // Every Boot jar has such a file too: find ours among them.
        String ours = "";
        for (URL url : Collections.list(SpringConnectionSource.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream metadata = url.openStream()) {
                String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains(OptilockProperties.class.getName())) {
                    ours = json;
                }
            }
        }
        for (String property : new String[] {"optilock.enabled", "optilock.version-field-required",
                "optilock.problem-details.enabled"}) {
            assertTrue(ours.contains("\"name\": \"" + property + "\""), property + " in " + ours);
        }
    }
}
