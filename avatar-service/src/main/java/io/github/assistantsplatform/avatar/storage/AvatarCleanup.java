package io.github.assistantsplatform.avatar.storage;

import io.github.assistantsplatform.avatar.view.AssistantsView;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.SemanticCachePurged;
import io.github.assistantsplatform.support.kafka.CommittingEventConsumer;
import io.github.assistantsplatform.support.kafka.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Consumer group "avatar-cleanup": deletes the objects no avatar refers to any more (a replaced
 * avatar, a removed one, every avatar of a deleted assistant). Deleting is idempotent; with S3 down
 * it retries with back-off before the offsets move. An object the assistant shows again (the same
 * image uploaded anew is the same key) is never deleted.
 */
@Component
class AvatarCleanup extends CommittingEventConsumer {

    static final String GROUP = "avatar-cleanup";
    private static final Logger log = LoggerFactory.getLogger(AvatarCleanup.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(30);

    private final AvatarStorage storage;
    private final AssistantsView view;

    AvatarCleanup(
            AvatarStorage storage,
            AssistantsView view,
            @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${assistants.kafka.topic}") String topic) {
        super(GROUP, bootstrapServers, topic);
        this.storage = storage;
        this.view = view;
    }

    @Override
    protected void handle(ReceivedEvent received) {
        long pause = 200;
        while (true) {
            try {
                cleanUpAfter(received);
                return;
            } catch (AvatarStorage.StorageException e) {
                log.warn(
                        "Object storage unavailable for clean-up after {}; retrying in {} ms", received.event(), pause);
                pause(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void cleanUpAfter(ReceivedEvent received) {
        received.event().accept(new AssistantEvent.Visitor<Void>() {
            @Override
            public Void created(AssistantCreated event) {
                return null;
            }

            @Override
            public Void updated(AssistantUpdated event) {
                return null;
            }

            @Override
            public Void deleted(AssistantDeleted event) {
                storage.keysUnder(event.assistantId() + "/").forEach(storage::delete);
                return null;
            }

            @Override
            public Void avatarSet(AvatarSet event) {
                if (event.replacedObjectKey() != null) {
                    deleteUnlessShownAgain(received, event.replacedObjectKey());
                }
                return null;
            }

            @Override
            public Void avatarRemoved(AvatarRemoved event) {
                deleteUnlessShownAgain(received, event.objectKey());
                return null;
            }

            @Override
            public Void cachePurged(SemanticCachePurged event) {
                return null;
            }
        });
    }

    /**
     * Deletes {@code key} unless the assistant, as of this event or later, shows it. The view
     * follows the topic on its own, so wait for it to reach this event first.
     */
    private void deleteUnlessShownAgain(ReceivedEvent received, String key) {
        boolean shown = view.awaitSequence(received.event().assistantId(), received.sequence(), VIEW_WAIT)
                .map(state -> !state.deleted()
                        && state.avatar() != null
                        && state.avatar().objectKey().equals(key))
                .orElse(true);
        if (!shown) {
            storage.delete(key);
        }
    }
}
