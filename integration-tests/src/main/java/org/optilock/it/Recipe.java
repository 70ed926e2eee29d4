package org.optilock.it;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Set;

/**
 * An entity with element collections: a set of enums by ordinal in the table JPA would name, a list of
 * text in one it is told.
 */
@Entity
public class Recipe {

    /** A diet a recipe suits. */
    public enum Diet { VEGAN, VEGETARIAN, GLUTEN_FREE }

    @Id String code;
    String title;
    @ElementCollection @Enumerated(EnumType.ORDINAL) Set<Diet> diets;
    @ElementCollection
    @CollectionTable(name = "recipe_steps", joinColumns = @JoinColumn(name = "recipe"))
    @Column(name = "step")
    List<String> steps;
    private boolean isPublished;
    @Version long version;

    public Recipe() {}

    public Recipe(String code, String title, Set<Diet> diets, List<String> steps) {
        this.code = code;
        this.title = title;
        this.diets = diets;
        this.steps = steps;
    }

    public String code() {
        return code;
    }

    public Set<Diet> diets() {
        return diets;
    }

    public List<String> steps() {
        return steps;
    }

    public long version() {
        return version;
    }

    // A boolean field named isPublished has the accessors isPublished() and setPublished().
    public boolean isPublished() {
        return isPublished;
    }

    public void setPublished(boolean published) {
        this.isPublished = published;
    }
}
