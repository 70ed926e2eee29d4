/**
 * The engine the generated DAOs run on. Public are only the types generated code names
 * ({@code AbstractVersionedDao}, {@code DaoStatements}, {@code ColumnValues}, {@code FieldMerge},
 * {@code VersionType}, {@code TriggerTarget}, {@code TriggerTargets}), because generated code lives in
 * the users' packages: they are not an API for hand-written code, and they may change in any release.
 * Everything else here is package-private; docs/architecture.md draws how it fits together.
 */
package org.optilock.runtime.internal;
