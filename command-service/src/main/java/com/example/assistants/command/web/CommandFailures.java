package com.example.assistants.command.web;

import com.example.assistants.api.error.ErrorCode;
import com.example.assistants.api.error.ErrorResponse;
import com.example.assistants.support.web.ApiExceptionHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the outcomes of Axon and the event store read to a client. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandFailures {

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ErrorResponse> assistantNotFound(AggregateNotFoundException e) {
        return ApiExceptionHandler.error(ErrorCode.ENTITY_NOT_FOUND, "Assistant " + e.getAggregateIdentifier() + " not found");
    }

    /** Another writer appended the same sequence number first: the caller's view is stale. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ErrorResponse> concurrentWrite(ConcurrencyException e) {
        return ApiExceptionHandler.error(ErrorCode.VERSION_CONFLICT,
                "The assistant was changed concurrently; read it again and retry");
    }
}
