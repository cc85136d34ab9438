package io.betterauth.jakarta.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The statements of a {@link ConnectionPool} lease and their result sets, as its borrower sees them: each a proxy of
 * the driver's own object that reports every {@link SQLException} it throws to the lease. A connection that died
 * while idle shows itself there (get-session's statement fails), not on the connection, and the pool must hear of
 * it to stop handing that connection out. {@code getConnection()} and {@code getStatement()} answer the borrower's
 * proxies, not the driver's objects: closing the driver's connection would close it for good instead of giving it
 * back.
 */
final class WatchedStatements implements InvocationHandler {

    private final Object target;
    private final Object parent;
    private final Runnable failed;

    private WatchedStatements(Object target, Object parent, Runnable failed) {
        this.target = target;
        this.parent = parent;
        this.failed = failed;
    }

    /**
     * {@code target} (a statement, or a result set) seen as {@code type}.
     *
     * @param parent the proxy that made it: the lease's connection, or the statement of a result set
     * @param failed told of every {@link SQLException} thrown
     */
    static Object wrap(Class<?> type, Object target, Object parent, Runnable failed) {
        return Proxy.newProxyInstance(WatchedStatements.class.getClassLoader(), new Class<?>[] {type},
                new WatchedStatements(target, parent, failed));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "getConnection", "getStatement":
                if (method.getParameterCount() == 0 && method.getReturnType().isInstance(parent)) {
                    return parent;
                }
                break;
            case "unwrap":
                if (args[0] instanceof Class<?> iface && iface.isInstance(proxy)) {
                    return proxy;
                }
                break;
            default:
                break;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException) {
                failed.run();
            }
            throw e.getCause();
        }
        if (result instanceof ResultSet rows && method.getReturnType() == ResultSet.class) {
            return wrap(ResultSet.class, rows, proxy, failed);
        }
        return result;
    }
}
