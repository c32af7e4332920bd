package org.supportdesk.adapter.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.supportdesk.domain.port.CorrelationIds;

/**
 * A data source whose connections tell a {@link StatementListener} of every statement they send and of each
 * transaction's {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK}, at the JDBC boundary, so nothing a store, the
 * tenant binding or JDBI itself sends escapes it. Only wrapped in when a listener is given: production runs the pool
 * unwrapped, at no cost.
 */
final class ObservedDataSource {
    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");
    private static final Set<String> STATEMENT_MAKERS = Set.of("createStatement", "prepareStatement", "prepareCall");

    private ObservedDataSource() {}

    static DataSource over(DataSource pool, CorrelationIds correlation, StatementListener listener) {
        Heard heard = sql -> listener.sent(correlation.current(), sql);
        return proxy(DataSource.class, (method, args) -> {
            Object result = invoke(pool, method, args);
            return result instanceof Connection connection ? observed(connection, heard) : result;
        });
    }

    private static Connection observed(Connection connection, Heard heard) {
        return proxy(Connection.class, (method, args) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    if (!(Boolean) args[0] && connection.getAutoCommit()) {
                        heard.sent("BEGIN");
                    }
                }
                case "commit" -> heard.sent("COMMIT");
                case "rollback" -> heard.sent("ROLLBACK");
                default -> {}
            }
            Object result = invoke(connection, method, args);
            if (STATEMENT_MAKERS.contains(method.getName()) && result instanceof Statement statement) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                return observed(statement, method.getReturnType(), prepared, heard);
            }
            return result;
        });
    }

    private static Statement observed(Statement statement, Class<?> type, String prepared, Heard heard) {
        return (Statement) proxy(type, (method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                heard.sent(args != null && args.length > 0 && args[0] instanceof String sql ? sql : prepared);
            }
            return invoke(statement, method, args);
        });
    }

    private interface Heard {
        void sent(String sql);
    }

    private interface Call {
        Object on(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        InvocationHandler handler = (self, method, args) -> call.on(method, args);
        return type.cast(
                Proxy.newProxyInstance(ObservedDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
