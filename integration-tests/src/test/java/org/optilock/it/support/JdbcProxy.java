package org.optilock.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A JDBC interface whose calls pass through a handler: how the test wrappers make a real driver fail
 * or answer one call as a chosen driver would, with everything else reaching the real object.
 */
final class JdbcProxy {

    /** Handles one call; {@link #invoke} passes it on to the real object. */
    interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private JdbcProxy() {}

    /** An instance of {@code type} whose every call goes to {@code handler}. */
    static <T> T of(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(JdbcProxy.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    /** Calls {@code method} on the real {@code target}, throwing what it throws. */
    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
