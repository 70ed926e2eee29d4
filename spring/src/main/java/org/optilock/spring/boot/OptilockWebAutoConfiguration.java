package org.optilock.spring.boot;

import org.optilock.spring.web.ConflictProblemHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/** Conflicts as problem details in a Spring MVC application, unless {@code optilock.problem-details.enabled=false}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ProblemDetail.class)
@ConditionalOnProperty(prefix = "optilock.problem-details", name = "enabled", matchIfMissing = true)
public class OptilockWebAutoConfiguration {

    /** Answers conflicts 409 and forged signed versions 400. */
    @Bean
    @ConditionalOnMissingBean
    public ConflictProblemHandler optilockConflictProblemHandler() {
        return new ConflictProblemHandler();
    }
}
