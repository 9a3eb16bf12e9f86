package io.github.assistantsplatform.support.web;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a dependency that cannot be reached (a 503: retry later) from a failure of our own (a
 * 500), by what caused the exception, whatever layers wrapped it.
 */
public final class DependencyFailures {

    private DependencyFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DependencyUnavailableException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isUnavailableState(sql.getSQLState()) || isClosedUnderUs(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * HikariCP's answer (no SQLSTATE) to a statement on a connection it closed because the server
     * dropped it earlier in the same transaction.
     */
    private static boolean isClosedUnderUs(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    /** SQLSTATE class 08 is a connection failure, 57P an operator shutting the server down. */
    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
