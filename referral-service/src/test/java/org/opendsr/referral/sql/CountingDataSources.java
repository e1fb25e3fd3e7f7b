package org.opendsr.referral.sql;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * Wraps the service's data source (in tests that set {@value #PROPERTY}) so that each statement, batch and commit it
 * sends is written to the {@link StatementLog}. Not a {@code DelegatingDataSource}: Micronaut unwraps those, and the
 * counting would be bypassed.
 */
@Singleton
@Requires(property = CountingDataSources.PROPERTY, value = "true")
class CountingDataSources implements BeanCreatedEventListener<DataSource>, Ordered {

    static final String PROPERTY = "dsr.test.count-statements";

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> BATCH = Set.of("executeBatch", "executeLargeBatch");

    private final StatementLog log;

    CountingDataSources(StatementLog log) {
        this.log = log;
    }

    /**
     * First of the listeners, so it wraps the pool itself: Micronaut Data's contextual wrapper, wrapped in turn,
     * finds connections through it. Wrapped after, a connection taken for Flyway would need the data source that is
     * still being created.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource real = event.getBean();
        return proxy(DataSource.class, real, (method, args) -> {
            Object result = method.invoke(real, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (method, args) -> {
            Object result = method.invoke(real, args);
            switch (method.getName()) {
                case "commit" -> log.add(StatementLog.Kind.COMMIT, "COMMIT", 0);
                case "rollback" -> log.add(StatementLog.Kind.ROLLBACK, "ROLLBACK", 0);
                case "prepareStatement", "prepareCall", "createStatement" -> {
                    return statement((Statement) result, args != null && args.length > 0 ? (String) args[0] : null);
                }
                default -> {
                }
            }
            return result;
        });
    }

    private Statement statement(Statement real, String preparedSql) {
        Class<? extends Statement> type = real instanceof CallableStatement ? CallableStatement.class
                : real instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        int[] batched = {0};
        String[] lastSql = {preparedSql};
        return proxy(type, real, (method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched[0]++;
                if (args != null && args.length == 1) {
                    lastSql[0] = (String) args[0];
                }
            }
            Object result = method.invoke(real, args);
            if (EXECUTE.contains(name)) {
                log.add(StatementLog.Kind.STATEMENT, args != null && args.length > 0 ? (String) args[0] : preparedSql, 1);
            } else if (BATCH.contains(name)) {
                // The driver sends nothing for an empty batch.
                if (batched[0] > 0) {
                    log.add(StatementLog.Kind.BATCH, lastSql[0], batched[0]);
                }
                batched[0] = 0;
            } else if (name.equals("clearBatch")) {
                batched[0] = 0;
            }
            return result;
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object real, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSources.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
