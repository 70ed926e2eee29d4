package org.optilock.it;

import org.optilock.VersionedTable;
import org.optilock.it.library.LibraryUser;

/** Versions a class the application cannot edit; writes {@code LibraryUserDao} into this package. */
@VersionedTable(entity = LibraryUser.class, table = "library_user", id = "id", ignore = "cachedDisplayName")
interface LibraryUserVersioning {}
