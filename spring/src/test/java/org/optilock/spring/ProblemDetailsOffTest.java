package org.optilock.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.optilock.spring.app.MemoApplication;
import org.optilock.spring.web.ConflictProblemHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** {@code optilock.problem-details.enabled=false} leaves conflicts to the application. */
@SpringBootTest(classes = MemoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"optilock.problem-details.enabled=false", "spring.datasource.url=jdbc:h2:mem:off;DB_CLOSE_DELAY=-1"})
class ProblemDetailsOffTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noConflictHandlerIsRegistered() {
        assertFalse(context.getBeanNamesForType(ConflictProblemHandler.class).length > 0);
    }
}
