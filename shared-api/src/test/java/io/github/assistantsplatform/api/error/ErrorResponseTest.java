package io.github.assistantsplatform.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.UUID;

class ErrorResponseTest {

    @AfterEach
    void noTrace() {
        MDC.remove(ErrorResponse.TRACE_ID_KEY);
    }

    @Test
    void anErrorInATraceIsIdentifiedByTheTraceIdItsLogLinesCarry() {
        MDC.put(ErrorResponse.TRACE_ID_KEY, "4bf92f3577b34da6a3ce929d0e0e4736");

        ErrorResponse error = ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "The request is invalid", null);

        assertThat(error.id()).isEqualTo(UUID.fromString("4bf92f35-77b3-4da6-a3ce-929d0e0e4736"));
        assertThat(error.id().toString().replace("-", "")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anErrorOutsideATraceGetsAnIdOfItsOwn() {
        UUID first = ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "m", null).id();
        UUID second = ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "m", null).id();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void whatIsNotATraceIdIsNotTakenForOne() {
        for (String notATrace :
                new String[] {"", "00000000000000000000000000000000", "4BF92F3577B34DA6A3CE929D0E0E4736", "4bf92f35"}) {
            MDC.put(ErrorResponse.TRACE_ID_KEY, notATrace);
            UUID first = ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "m", null).id();
            UUID second =
                    ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "m", null).id();
            assertThat(first).as(notATrace).isNotEqualTo(second);
        }
    }
}
