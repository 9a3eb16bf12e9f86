package io.github.assistantsplatform.avatar.web;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.avatar.image.ImageInspector;
import io.github.assistantsplatform.avatar.image.InspectedImage;
import io.github.assistantsplatform.avatar.storage.AvatarStorage;
import io.github.assistantsplatform.avatar.storage.OrphanedAvatars;
import io.github.assistantsplatform.avatar.view.AssistantsView;
import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.support.security.AssistantVisibility;
import io.github.assistantsplatform.support.security.Callers;
import io.github.assistantsplatform.support.web.CommandServiceClient;
import io.github.assistantsplatform.support.web.DependencyUnavailableException;
import io.github.assistantsplatform.support.web.EntityTags;
import io.github.assistantsplatform.support.web.EventPosition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

@Tag(name = "avatars", description = "An assistant's avatar image")
@RestController
@RequestMapping("/api/v1/assistants/{id}/avatar")
class AvatarController {

    private final AssistantsView view;
    private final AvatarStorage storage;
    private final CommandServiceClient commandService;

    AvatarController(AssistantsView view, AvatarStorage storage, CommandServiceClient commandService) {
        this.view = view;
        this.storage = storage;
        this.commandService = commandService;
    }

    /**
     * Admin. The assistant must exist before anything is stored; the bytes must be an image we
     * accept; then the object is stored and the assistant told to show it. If command-service
     * refuses, the object goes again; if the outcome is unknown (a time-out, command-service
     * down), the object stays, since the command may still commit: {@link OrphanedAvatars} deletes
     * it later if no assistant shows it.
     */
    @Operation(operationId = "uploadAvatar", summary = "Upload the avatar (PNG, JPEG, GIF or WebP)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssistantResponse> upload(
            @PathVariable UUID id, @RequestParam("file") MultipartFile file, HttpServletRequest request)
            throws IOException {
        AssistantState assistant = existing(id, request);
        byte[] bytes = file.getBytes();
        InspectedImage image = ImageInspector.inspect(bytes);
        String sha256 = EntityTags.sha256(bytes);
        String key = Avatar.objectKey(id, sha256, image.type().extension());
        storage.put(key, bytes, image.type().contentType());
        try {
            return positioned(commandService.send(
                    "PUT",
                    "/api/v1/assistants/" + id + "/avatar-reference",
                    id,
                    new Avatar(key, image.type().contentType(), bytes.length, sha256, image.width(), image.height()),
                    AssistantResponse.class,
                    request));
        } catch (DependencyUnavailableException outcomeUnknown) {
            throw outcomeUnknown;
        } catch (RuntimeException refused) {
            boolean alreadyShown =
                    assistant.avatar() != null && assistant.avatar().objectKey().equals(key);
            if (!alreadyShown) {
                storage.delete(key);
            }
            throw refused;
        }
    }

    /**
     * Anyone; a private assistant's avatar only for users (a guest gets 404, as if there were
     * none). Streamed from the object store, never held whole in memory.
     */
    @Operation(operationId = "getAvatar", summary = "The avatar image")
    @GetMapping
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        AssistantState assistant = current(id, request)
                .filter(state -> state.avatar() != null)
                .filter(AssistantVisibility::isVisible)
                .orElseThrow(NoAvatarException::new);
        Avatar avatar = assistant.avatar();
        String etag = EntityTags.of(avatar.sha256());
        CacheControl cacheControl = assistant.settings().userAuthentication()
                ? CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()
                : CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cacheControl)
                    .build();
        }
        InputStream object;
        try {
            object = storage.open(avatar.objectKey());
        } catch (AvatarStorage.MissingObjectException gone) {
            throw new NoAvatarException();
        }
        StreamingResponseBody body = output -> {
            try (InputStream in = object) {
                in.transferTo(output);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(avatar.contentType()))
                .contentLength(avatar.size())
                .eTag(etag)
                .cacheControl(cacheControl)
                .body(body);
    }

    /** Admin. The assistant stops showing its avatar; the object is deleted by the clean-up consumer. */
    @Operation(operationId = "removeAvatar", summary = "Remove the avatar")
    @DeleteMapping
    ResponseEntity<AssistantResponse> remove(@PathVariable UUID id, HttpServletRequest request) {
        existing(id, request);
        return positioned(commandService.send(
                "DELETE",
                "/api/v1/assistants/" + id + "/avatar-reference",
                id,
                null,
                AssistantResponse.class,
                request));
    }

    private AssistantState existing(UUID id, HttpServletRequest request) {
        return current(id, request).orElseThrow(() -> new AssistantNotFoundException(id));
    }

    /**
     * The assistant as this replica's view holds it, once the view has folded what the event store held
     * for it: when the view does not know it yet (an upload right after the create that answered 201), or
     * as of the {@link EventPosition} the caller sent back. Asking costs a call to command-service, made
     * only then, and only for a caller with a token (a guest reads no one's writes).
     */
    private Optional<AssistantState> current(UUID id, HttpServletRequest request) {
        if (!view.isReady()) {
            throw new DependencyUnavailableException("The service is still reading the assistants' events");
        }
        OptionalLong position = EventPosition.sent(request);
        Optional<AssistantState> known = view.find(id);
        if ((known.isPresent() && position.isEmpty()) || !Callers.isAuthenticated()) {
            return known;
        }
        Optional<Long> sequence = commandService.sequence(id, position, request);
        if (sequence.isEmpty()) {
            return known;
        }
        return Optional.of(view.awaitSequence(id, sequence.get(), EventPosition.WAIT)
                        .orElseThrow(
                                () -> new EventPosition.NotCaughtUpException("event " + sequence.get() + " of " + id)))
                .filter(state -> !state.deleted());
    }

    private static ResponseEntity<AssistantResponse> positioned(CommandServiceClient.Reply<AssistantResponse> reply) {
        return EventPosition.answered(ResponseEntity.ok(), reply.position()).body(reply.body());
    }

    /** No avatar to show: none set, or its object gone from the bucket. */
    static class NoAvatarException extends ApiException {
        NoAvatarException() {
            super(ErrorCode.ENTITY_NOT_FOUND, "No avatar for this assistant");
        }
    }
}
