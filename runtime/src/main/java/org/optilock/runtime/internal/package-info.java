/**
 * What generated DAOs call. Public only because generated code lives in the users' packages: not
 * an API for hand-written code, and it may change in any release.
 */
package org.optilock.runtime.internal;
