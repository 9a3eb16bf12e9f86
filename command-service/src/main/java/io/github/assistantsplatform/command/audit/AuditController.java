package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.api.audit.AuditAnchorView;
import io.github.assistantsplatform.api.audit.AuditFilter;
import io.github.assistantsplatform.api.audit.AuditVerification;
import io.github.assistantsplatform.api.audit.AuditVerifyProgress;
import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.events.StoredEventTypes;
import io.github.assistantsplatform.support.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The proof that the log was not rewritten: verify it, anchor it, export it for an auditor (admin only). */
@Tag(name = "audit", description = "Tamper evidence: the hash chain, its anchors and the export; admin only")
@RestController
@RequestMapping("/api/v1/admin/audit")
class AuditController {

    static final String JSON_LINES = "application/x-ndjson";

    private final StoreVerification verification;
    private final Anchoring anchoring;
    private final AnchorBucket bucket;
    private final AuditExport export;
    private final ObjectMapper json;

    AuditController(
            StoreVerification verification,
            Anchoring anchoring,
            AnchorBucket bucket,
            AuditExport export,
            ObjectMapper json) {
        this.verification = verification;
        this.anchoring = anchoring;
        this.bucket = bucket;
        this.export = export;
        this.json = json;
    }

    @Operation(
            operationId = "verifyAudit",
            summary = "Recompute every stream's chain and hold it against the latest anchor",
            description = "With Accept: application/x-ndjson, one progress line every 50,000 events, then the report.")
    @ApiResponse(
            responseCode = "200",
            description = "The report: intact, or each broken stream's first broken link",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = AuditVerification.class)),
                @Content(mediaType = JSON_LINES, schema = @Schema(implementation = AuditVerifyProgress.class))
            })
    @PostMapping(
            path = "/verify",
            produces = {MediaType.APPLICATION_JSON_VALUE, JSON_LINES})
    ResponseEntity<StreamingResponseBody> verify(
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean withProgress = accept != null && accept.contains(JSON_LINES);
        StreamingResponseBody body = out -> {
            AuditVerification report = verification.verify(progress -> {
                if (withProgress) {
                    writeLine(out, progress);
                }
            });
            if (withProgress) {
                writeLine(out, report);
            } else {
                out.write(json.writeValueAsBytes(report));
            }
        };
        return ResponseEntity.ok()
                .contentType(withProgress ? MediaType.parseMediaType(JSON_LINES) : MediaType.APPLICATION_JSON)
                .body(body);
    }

    private void writeLine(OutputStream out, Object line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(
            operationId = "anchorAudit",
            summary = "Write an anchor now (201), or answer the latest (200) when nothing was stored since")
    @ApiResponse(responseCode = "201", description = "A new anchor, in the bucket and as an event")
    @ApiResponse(responseCode = "200", description = "Nothing was stored since the latest anchor: that one")
    @PostMapping(path = "/anchors", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuditAnchorView> anchor() {
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        Anchoring.Anchored anchored;
        try {
            anchored = anchoring
                    .anchor(actor)
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.CONFLICT,
                            "Nothing to anchor: no event is old enough yet, or another replica is anchoring"));
        } catch (Anchoring.AnchorRefusedException e) {
            throw new ApiException(ErrorCode.CONFLICT, e.getMessage());
        }
        return ResponseEntity.status(anchored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(StoreVerification.view(anchored.anchor(), bucket.locked()));
    }

    @Operation(
            operationId = "exportAudit",
            summary = "The log as JSON Lines, filtered, with each event's links, for an offline verifier")
    @ApiResponse(
            responseCode = "200",
            description = "A header line, then one line per event in the order stored",
            content = @Content(mediaType = JSON_LINES))
    @GetMapping(path = "/export", produces = JSON_LINES)
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(name = "assistant_id", required = false) UUID assistantId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AuditFilter filter =
                QueryParameters.auditFilter(actor, type, assistantId, from, to, StoredEventTypes.BY_NAME.keySet());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(JSON_LINES))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-export.jsonl\"")
                .body(out -> export.write(filter, out));
    }
}
