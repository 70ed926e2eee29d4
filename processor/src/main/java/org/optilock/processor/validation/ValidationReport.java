package org.optilock.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * What validating one entity found: every error, each tied to the element (and where it helps, the
 * annotation value) it is about; whether a type could not be resolved yet; and the errors another
 * processor may still make untrue (accessors Lombok adds), which wait for the last round.
 */
public final class ValidationReport {

    private record Item(
            Message message, Object[] args, Element element, AnnotationMirror annotation, AnnotationValue value) {}

    private final List<Item> items = new ArrayList<>();
    private final List<Element> unresolved = new ArrayList<>();
    private final List<Item> pending = new ArrayList<>();

    /** Records {@code message} about {@code element}. */
    public void error(Message message, Element element, Object... args) {
        items.add(new Item(message, args, element, null, null));
    }

    /** Records {@code message} about an annotation on {@code element}. */
    public void errorOnAnnotation(Message message, Element element, AnnotationMirror annotation, Object... args) {
        items.add(new Item(message, args, element, annotation, null));
    }

    /** Records {@code message} about one value of an annotation on {@code element}. */
    public void error(
            Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
        items.add(new Item(message, args, element, annotation, value));
    }

    /**
     * Records {@code message} about {@code element}, which another processor may still make untrue in
     * this round (Lombok adds getters and setters to the class it annotates, whichever order the
     * processor path lists the two): the entity waits for the next round, and the last one reports it.
     */
    public void pending(Message message, Element element, Object... args) {
        pending.add(new Item(message, args, element, null, null));
    }

    /** Records that the type of {@code field} does not resolve (yet). */
    public void unresolved(Element field) {
        unresolved.add(field);
    }

    /** Whether a type did not resolve or an error may still go away: the entity waits for the next round. */
    public boolean isWaiting() {
        return !unresolved.isEmpty() || !pending.isEmpty();
    }

    /** At the last round, what waited is final: the pending errors become errors. */
    public void settlePending() {
        items.addAll(pending);
        pending.clear();
    }

    /** The fields whose types did not resolve. */
    public List<Element> unresolvedFields() {
        return List.copyOf(unresolved);
    }

    /** Whether nothing is wrong and nothing waits. */
    public boolean isClean() {
        return items.isEmpty() && unresolved.isEmpty() && pending.isEmpty();
    }

    /**
     * Prints every error, each on its own element, unless {@code printed} holds it already: a field of a
     * shared superclass is wrong once, however many entities extend it.
     */
    public void printTo(Messager messager, Set<List<Object>> printed) {
        for (Item item : items) {
            String text = item.message().render(item.args());
            if (!printed.add(List.of(item.element(), text))) {
                continue;
            }
            if (item.annotation() == null) {
                messager.printMessage(item.message().kind(), text, item.element());
            } else if (item.value() == null) {
                messager.printMessage(item.message().kind(), text, item.element(), item.annotation());
            } else {
                messager.printMessage(item.message().kind(), text, item.element(), item.annotation(), item.value());
            }
        }
    }
}
