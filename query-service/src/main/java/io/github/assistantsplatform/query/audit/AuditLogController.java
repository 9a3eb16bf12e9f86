package io.github.assistantsplatform.query.audit;

import io.github.assistantsplatform.api.audit.AuditFilter;
import io.github.assistantsplatform.api.audit.AuditLogEntry;
import io.github.assistantsplatform.events.StoredEventTypes;
import io.github.assistantsplatform.support.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Every change across assistants, newest first, from the audit log (admin only, as every route not opened). */
@Tag(name = "audit", description = "Tamper evidence: the hash chain, its anchors and the export; admin only")
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditLogController {

    private final AuditLog auditLog;

    AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Operation(
            operationId = "listAuditLog",
            summary = "Every change across assistants, newest first, filtered (X-Total-Count: all that match)")
    @ApiResponse(
            responseCode = "200",
            description = "A page of the log",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = AuditLogEntry.class))))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(name = "assistant_id", required = false) UUID assistantId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") @Min(0) int skip,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        AuditFilter filter =
                QueryParameters.auditFilter(actor, type, assistantId, from, to, StoredEventTypes.BY_NAME.keySet());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Total-Count", String.valueOf(auditLog.count(filter)))
                .body(auditLog.page(filter, skip, limit));
    }
}
