package org.optilock.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Classes that Lombok rewrites while they compile: those that carry one of its annotations, or whose fields do. */
public final class LombokClasses {

    private static final String LOMBOK = "lombok.";

    private LombokClasses() {}

    /** Whether Lombok rewrites {@code type}: it, or one of its fields, carries an annotation of Lombok's. */
    public static boolean isRewritten(TypeElement type) {
        return carriesLombok(type)
                || ElementFilter.fieldsIn(type.getEnclosedElements()).stream().anyMatch(LombokClasses::carriesLombok);
    }

    private static boolean carriesLombok(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            // A declared type's text is its qualified name.
            if (mirror.getAnnotationType().toString().startsWith(LOMBOK)) {
                return true;
            }
        }
        return false;
    }
}
