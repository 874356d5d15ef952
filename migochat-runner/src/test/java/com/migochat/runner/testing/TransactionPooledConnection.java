package com.migochat.runner.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection whose transactions run in turn on two real PostgreSQL sessions, as through a
 * pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}): each commit or rollback
 * hands the next transaction to the other session. For connections in manual-commit mode, which is
 * how Liquibase uses them.
 */
public final class TransactionPooledConnection {

  private TransactionPooledConnection() {}

  public static Connection over(Connection first, Connection second) {
    List<Connection> sessions = List.of(first, second);
    AtomicInteger current = new AtomicInteger();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, arguments) -> {
              String name = method.getName();
              if (name.equals("setAutoCommit") || name.equals("close")) {
                for (Connection session : sessions) {
                  invoke(session, method, arguments);
                }
                return null;
              }
              Object result = invoke(sessions.get(current.get()), method, arguments);
              if (name.equals("commit") || name.equals("rollback")) {
                current.set(1 - current.get());
              }
              return result;
            });
  }

  private static Object invoke(Connection session, Method method, Object[] arguments)
      throws Throwable {
    try {
      return method.invoke(session, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
