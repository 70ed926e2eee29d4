package org.optilock.spring.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request whose {@code If-Match} does not allow the write: 412, 428 or 400, with problem details
 * that carry the current version; or 404, a write to a record that does not exist. {@link ConflictProblemHandler} answers it; with Spring's own
 * problem details on ({@code spring.mvc.problemdetails.enabled}), Spring does too.
 */
public class PreconditionException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    PreconditionException(HttpStatusCode status, ProblemDetail problem) {
        super(status, problem, null);
    }
}
