package io.github.assistantsplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

class DependencyFailuresTest {

    @Test
    void anUnreachableDependencyAnywhereInTheCausesIsUnavailability() {
        assertThat(DependencyFailures.isUnavailable(new IllegalStateException(
                        new UncheckedIOException(new java.io.IOException(new ConnectException("refused"))))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(
                        new RuntimeException(new SQLTransientConnectionException("pool timeout"))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("admin shutdown", "57P01"))))
                .isTrue();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void ourOwnFailuresAreNot() {
        assertThat(DependencyFailures.isUnavailable(new NullPointerException())).isFalse();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DependencyFailures.isUnavailable(new RuntimeException(new SQLException("syntax error", "42601"))))
                .isFalse();
    }
}
