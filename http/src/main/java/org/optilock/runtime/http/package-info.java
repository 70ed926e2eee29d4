/**
 * Conflicts over HTTP, for any web stack: versions as strong ETags, {@code If-Match} and
 * {@code If-None-Match} evaluated per RFC 9110 (412 when stale, 428 when missing), conflicts as RFC
 * 9457 problem details (409), and signed versions for hidden form fields. No dependency beyond the
 * JDK.
 */
package org.optilock.runtime.http;
