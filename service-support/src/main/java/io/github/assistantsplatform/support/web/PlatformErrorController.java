package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.api.error.ErrorResponse;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/** Failures that never reached a controller (the container's own 400s, 404s, 413s) in the one error body. */
@Hidden
@RestController
public class PlatformErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 500;
        ErrorCode errorCode = Arrays.stream(ErrorCode.values())
                .filter(candidate -> candidate.status() == code)
                .findFirst()
                .orElse(code >= 500 ? ErrorCode.TECHNICAL_ERROR : ErrorCode.VALIDATION_ERROR);
        String message = code >= 500 ? "An unexpected error occurred" : "The request could not be processed";
        return ResponseEntity.status(code >= 500 ? errorCode.status() : code)
                .body(ErrorResponse.of(errorCode, message, null));
    }
}
