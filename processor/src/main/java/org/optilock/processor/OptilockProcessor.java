package org.optilock.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import org.optilock.processor.model.EntityModel;
import org.optilock.processor.model.RepositoryModel;
import org.optilock.processor.validation.EntityValidator;
import org.optilock.processor.validation.LombokClasses;
import org.optilock.processor.validation.Message;
import org.optilock.processor.validation.NamingConvention;
import org.optilock.processor.validation.RepositoryValidator;
import org.optilock.processor.validation.ValidationReport;
import org.optilock.processor.validation.VersionedTableValidator;
import org.optilock.processor.writing.DaoWriter;
import org.optilock.processor.writing.GeneratedAnnotation;
import org.optilock.processor.writing.RepositoryWriter;

/**
 * Writes a versioned DAO for every class with a field annotated {@code @jakarta.persistence.Version}
 * or {@code @org.optilock.VersionField}, and for every {@code @Entity} that inherits such a field
 * from a superclass; and the implementation of every {@code @jakarta.data.repository.Repository}.
 *
 * <p>Each entity is validated on its own: its errors are all reported together, and one broken
 * entity never stops the others. An entity whose field types do not resolve yet (another
 * processor's output) waits for the next round; only the last round reports it.
 */
@AutoService(Processor.class)
public final class OptilockProcessor extends AbstractProcessor {

    private static final List<String> VERSION_ANNOTATIONS =
            List.of("jakarta.persistence.Version", "org.optilock.VersionField");

    /** Entities waiting for types that did not resolve, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** The Lombok classes already given a round for Lombok to rewrite them. */
    private final Set<String> waitedForLombok = new HashSet<>();
    /** Repositories waiting for their entity, by qualified name. */
    private final Set<String> deferredRepositories = new LinkedHashSet<>();
    /** The model of every entity whose DAO this compilation wrote, by qualified name. */
    private final Map<String, EntityModel> written = new HashMap<>();
    /** Errors printed so far, by element and text, so none is printed twice. */
    private final Set<List<Object>> printed = new HashSet<>();
    private Optional<NamingConvention> naming = Optional.empty();

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        String option = processingEnv.getOptions().getOrDefault(NamingConvention.OPTION, "as_is");
        naming = NamingConvention.fromOption(option);
        if (naming.isEmpty()) {
            messager().printMessage(Message.UNKNOWN_NAMING.kind(), Message.UNKNOWN_NAMING.render(option));
        }
    }

    /** Entities whose version is inherited carry no version annotation of their own. */
    private static final String ENTITY = "jakarta.persistence.Entity";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new HashSet<>(VERSION_ANNOTATIONS);
        types.add(ENTITY);
        types.add(VersionedTableValidator.VERSIONED_TABLE);
        types.add(RepositoryValidator.REPOSITORY);
        return Set.copyOf(types);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(NamingConvention.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (naming.isEmpty()) {
            return false;
        }
        EntityValidator validator =
                new EntityValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), naming.get());
        VersionedTableValidator tables =
                new VersionedTableValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), naming.get());
        TypeElement versionedTable = processingEnv.getElementUtils().getTypeElement(VersionedTableValidator.VERSIONED_TABLE);
        if (versionedTable != null) {
            for (TypeElement declaration : ElementFilter.typesIn(round.getElementsAnnotatedWith(versionedTable))) {
                try {
                    ValidationReport report = new ValidationReport();
                    Optional<EntityModel> model = tables.validate(declaration, report);
                    report.printTo(messager(), printed);
                    model.ifPresent(m -> write(m, declaration));
                } catch (RuntimeException e) {
                    messager().printMessage(Message.INTERNAL_ERROR.kind(),
                            Message.INTERNAL_ERROR.render(declaration.getSimpleName(), e), declaration);
                }
            }
        }
        for (TypeElement entity : entitiesOf(round).values()) {
            try {
                process(entity, validator, round.processingOver());
            } catch (RuntimeException e) {
                // A bug of ours must not hide the user's code behind a stack trace, nor stop other entities.
                messager().printMessage(Message.INTERNAL_ERROR.kind(),
                        Message.INTERNAL_ERROR.render(entity.getSimpleName(), e), entity);
            }
        }
        for (TypeElement repository : repositoriesOf(round)) {
            try {
                processRepository(repository, validator, round.processingOver());
            } catch (RuntimeException e) {
                messager().printMessage(Message.INTERNAL_ERROR.kind(),
                        Message.INTERNAL_ERROR.render(repository.getSimpleName(), e), repository);
            }
        }
        return false;
    }

    private List<TypeElement> repositoriesOf(RoundEnvironment round) {
        Map<String, TypeElement> repositories = new LinkedHashMap<>();
        for (String name : deferredRepositories) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                repositories.put(name, type);
            }
        }
        deferredRepositories.clear();
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(RepositoryValidator.REPOSITORY);
        if (annotation != null) {
            for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
                repositories.putIfAbsent(type.getQualifiedName().toString(), type);
            }
        }
        return List.copyOf(repositories.values());
    }

    /**
     * Validates and writes one repository, once its entity is settled: the model of a DAO written in
     * this compilation, or of an entity compiled before, read again without reporting (its own
     * compilation reported its errors).
     */
    private void processRepository(TypeElement repository, EntityValidator entities, boolean lastRound) {
        RepositoryValidator validator =
                new RepositoryValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        ValidationReport report = new ValidationReport();
        boolean[] waiting = {false};
        Optional<RepositoryModel> model = validator.validate(repository, entity -> {
            if (deferred.contains(entity.getQualifiedName().toString())) {
                waiting[0] = true;
                return Optional.empty();
            }
            return repositoryEntity(entity, entities);
        }, report);
        if (waiting[0] && !lastRound) {
            deferredRepositories.add(repository.getQualifiedName().toString());
            return;
        }
        report.printTo(messager(), printed);
        if (model.isPresent()) {
            try {
                boolean annotated = GeneratedAnnotation.isReadable(processingEnv.getElementUtils(), repository);
                RepositoryWriter.write(model.get(), repository, annotated).writeTo(processingEnv.getFiler());
            } catch (IOException e) {
                messager().printMessage(Message.REPOSITORY_NOT_WRITTEN.kind(), Message.REPOSITORY_NOT_WRITTEN.render(
                        model.get().implementation().canonicalName(), e.getMessage()), repository);
            }
        }
    }

    private Map<String, TypeElement> entitiesOf(RoundEnvironment round) {
        Map<String, TypeElement> entities = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                entities.put(name, type);
            }
        }
        deferred.clear();
        TypeElement entityAnnotation = processingEnv.getElementUtils().getTypeElement(ENTITY);
        if (entityAnnotation != null) {
            for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(entityAnnotation))) {
                entities.putIfAbsent(type.getQualifiedName().toString(), type);
            }
        }
        for (String annotationName : VERSION_ANNOTATIONS) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(annotationName);
            if (annotation == null) {
                continue;
            }
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                if (annotated.getKind() == ElementKind.FIELD) {
                    for (TypeElement type : ElementFilter.typesIn(List.of(annotated.getEnclosingElement()))) {
                        entities.putIfAbsent(type.getQualifiedName().toString(), type);
                    }
                } else if (annotated.getKind() == ElementKind.METHOD && !carriesComponentAnnotation(annotated, annotation)) {
                    boolean accessor = annotated.getEnclosingElement().getKind() == ElementKind.RECORD;
                    messager().printMessage(Message.VERSION_NOT_ON_FIELD.kind(), Message.VERSION_NOT_ON_FIELD.render(
                            annotation.getSimpleName(), accessor ? "the record accessor" : "the method",
                            annotated.getSimpleName(), accessor ? "record component" : "field"), annotated);
                }
            }
        }
        return entities;
    }

    /**
     * Whether {@code method} is a record accessor that got {@code annotation} from its component (an
     * annotation on a component reaches its field and its implicit accessor; the field is what counts).
     * An annotation written on an explicit accessor alone reaches no field, and is an error.
     */
    private static boolean carriesComponentAnnotation(Element method, TypeElement annotation) {
        Element owner = method.getEnclosingElement();
        return owner.getKind() == ElementKind.RECORD
                && ElementFilter.fieldsIn(owner.getEnclosedElements()).stream()
                        .filter(field -> field.getSimpleName().equals(method.getSimpleName()))
                        .anyMatch(field -> field.getAnnotationMirrors().stream()
                                .anyMatch(mirror -> mirror.getAnnotationType().asElement().equals(annotation)));
    }

    private void process(TypeElement entity, EntityValidator validator, boolean lastRound) {
        // Lombok rewrites the classes it annotates (private final fields, accessors, constructors) in the
        // round it sees them, before or after this processor, whichever the processor path lists first: a
        // class read before then would get a DAO for the class as written, not as compiled. It is read
        // one round later, when Lombok is done with it.
        String name = entity.getQualifiedName().toString();
        if (!lastRound && LombokClasses.isRewritten(entity) && waitedForLombok.add(name)) {
            deferred.add(name);
            return;
        }
        ValidationReport report = new ValidationReport();
        Optional<EntityModel> model = validator.validate(entity, report);
        if (report.isWaiting()) {
            // Another processor's output (a class it generates, accessors Lombok adds) may still come:
            // decide in a later round, and report only what is still wrong at the last one.
            if (!lastRound) {
                deferred.add(entity.getQualifiedName().toString());
                return;
            }
            for (Element field : report.unresolvedFields()) {
                report.error(Message.UNRESOLVED_TYPE, field, field.getSimpleName(), entity.getSimpleName());
            }
            report.settlePending();
        }
        report.printTo(messager(), printed);
        if (model.isPresent()) {
            write(model.get(), entity);
        }
    }

    /**
     * The model of a repository's entity: of a DAO written in this compilation, or of an entity
     * compiled before, read again without reporting (its own compilation reported its errors). An
     * entity without a version whose DAO does not exist yet gets one here, written by key alone, with
     * its errors reported on it.
     */
    private Optional<EntityModel> repositoryEntity(TypeElement entity, EntityValidator entities) {
        EntityModel known = written.get(entity.getQualifiedName().toString());
        if (known != null) {
            return Optional.of(known);
        }
        if (entities.hasVersion(entity)) {
            return entities.validate(entity, new ValidationReport());
        }
        ValidationReport report = new ValidationReport();
        Optional<EntityModel> model = entities.validateForRepository(entity, report);
        boolean compiledBefore = model.isPresent()
                && processingEnv.getElementUtils().getTypeElement(model.get().dao().canonicalName()) != null;
        if (!compiledBefore) {
            report.printTo(messager(), printed);
            model.ifPresent(m -> write(m, entity));
        }
        return model;
    }

    private void write(EntityModel model, TypeElement entity) {
        written.put(entity.getQualifiedName().toString(), model);
        try {
            boolean annotated = GeneratedAnnotation.isReadable(processingEnv.getElementUtils(), entity);
            DaoWriter.write(model, entity, annotated).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            messager().printMessage(Message.DAO_NOT_WRITTEN.kind(),
                    Message.DAO_NOT_WRITTEN.render(model.dao().canonicalName(), e.getMessage()), entity);
        }
    }

    private Messager messager() {
        return processingEnv.getMessager();
    }
}
