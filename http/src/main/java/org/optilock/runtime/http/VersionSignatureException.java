package org.optilock.runtime.http;

/**
 * A signed version from a form was missing, malformed, tampered with, or signed for another record
 * (django-concurrency's {@code VersionError}). Answer it with 400 Bad Request: the form was not one
 * this application rendered for this record.
 */
public class VersionSignatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VersionSignatureException(String message) {
        super(message);
    }
}
