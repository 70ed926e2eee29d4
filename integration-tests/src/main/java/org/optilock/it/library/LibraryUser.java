package org.optilock.it.library;

/**
 * Stands for a class from a library jar: no Optilock or JPA annotations, and no version field. The
 * tests version it from the outside with {@code @VersionedTable}.
 */
public class LibraryUser {
    private Long id;
    private String name;
    private boolean active;
    private String cachedDisplayName;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.cachedDisplayName = null;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getCachedDisplayName() {
        return cachedDisplayName;
    }

    public void setCachedDisplayName(String cachedDisplayName) {
        this.cachedDisplayName = cachedDisplayName;
    }
}
