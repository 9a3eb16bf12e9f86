package io.github.assistantsplatform.support.web;

/**
 * How a service recognises that one of its own dependencies (MongoDB, S3, ...) cannot be reached:
 * such failures are answered 503 DEPENDENCY_UNAVAILABLE instead of 500. JDBC and network
 * failures are recognised without one ({@link DependencyFailures}).
 */
@FunctionalInterface
public interface DependencyUnavailability {
    boolean isUnavailable(Throwable failure);
}
