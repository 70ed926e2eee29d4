package org.optilock.tck;

import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * What a container would do for the TCK's tests in standalone mode: every {@code @Inject} field of a
 * test gets the repository Optilock generated for its interface ({@code Boxes} gets {@code BoxesImpl}),
 * on the run's one database. Registered for every test by JUnit's extension auto-detection, so the
 * TCK's classes run unchanged.
 *
 * <p>The TCK lets a provider pass some tests by throwing {@code UnsupportedOperationException} for a
 * feature its database lacks (page totals, cursors, {@code Or}). Optilock implements every one, so each
 * repository is injected behind a proxy that notes such an exception, and a test during which a
 * repository threw one fails, whatever the TCK's own code made of it.
 */
public final class RepositoryInjection implements TestInstancePostProcessor, AfterEachCallback {

    private final List<String> unsupported = new ArrayList<>();

    @Override
    public void postProcessTestInstance(Object test, ExtensionContext context) throws ReflectiveOperationException {
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class)) {
                    field.setAccessible(true);
                    field.set(test, watched(field.getType(), repository(field.getType())));
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> thrown;
        synchronized (unsupported) {
            thrown = List.copyOf(unsupported);
            unsupported.clear();
        }
        if (!thrown.isEmpty()) {
            throw new AssertionError("Optilock supports every feature of the standalone profile, but a repository threw"
                    + " UnsupportedOperationException: " + thrown);
        }
    }

    /** {@code repository}, behind a proxy of {@code type} that notes every UnsupportedOperationException it throws. */
    private Object watched(Class<?> type, Object repository) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            try {
                return method.invoke(repository, arguments);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof UnsupportedOperationException unsupportedOperation) {
                    synchronized (unsupported) {
                        unsupported.add(type.getSimpleName() + "." + method.getName() + ": "
                                + unsupportedOperation.getMessage());
                    }
                }
                throw e.getCause();
            }
        });
    }

    private static Object repository(Class<?> repository) throws ReflectiveOperationException {
        String implementation = repository.getPackageName() + "."
                + repository.getName().substring(repository.getPackageName().length() + 1).replace('$', '_') + "Impl";
        try {
            return Class.forName(implementation).getConstructor(DataSource.class).newInstance(TckDatabase.dataSource());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Optilock generated no " + implementation + " for " + repository.getName()
                    + ": is it a @Repository the processor saw?", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not make " + implementation, e.getCause());
        }
    }
}
