package org.optilock.processor.writing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether a DAO may carry {@code @javax.annotation.processing.Generated}: only where the entity's
 * module reads {@code java.compiler}, the module of that annotation. On the class path (the unnamed
 * module) it always does; a named module that does not require it would fail to compile its own DAO,
 * so there the annotation is left out, as Dagger and AutoValue do.
 */
public final class GeneratedAnnotation {

    private static final String JAVA_COMPILER = "java.compiler";

    private GeneratedAnnotation() {}

    /** Whether the module of {@code origin} reads {@code java.compiler}, directly or through a transitive requires. */
    public static boolean isReadable(Elements elements, Element origin) {
        ModuleElement module = elements.getModuleOf(origin);
        if (module == null || module.isUnnamed()) {
            return true;
        }
        // The modules whose requires count for `module`: its own, then those of every module it reads
        // through a `requires transitive`.
        Deque<ModuleElement> readers = new ArrayDeque<>();
        Set<ModuleElement> seen = new HashSet<>();
        readers.add(module);
        boolean direct = true;
        while (!readers.isEmpty()) {
            ModuleElement reader = readers.poll();
            if (!seen.add(reader)) {
                continue;
            }
            for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(reader.getDirectives())) {
                if (!direct && !requires.isTransitive()) {
                    continue;
                }
                if (requires.getDependency().getQualifiedName().contentEquals(JAVA_COMPILER)) {
                    return true;
                }
                readers.add(requires.getDependency());
            }
            direct = false;
        }
        return false;
    }
}
