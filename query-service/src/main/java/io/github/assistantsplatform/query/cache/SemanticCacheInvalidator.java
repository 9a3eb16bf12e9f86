package io.github.assistantsplatform.query.cache;

import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.SemanticCachePurged;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.query.readmodel.MongoRetry;
import io.github.assistantsplatform.support.kafka.CommittingEventConsumer;
import io.github.assistantsplatform.support.kafka.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Consumer group "semantic-cache-invalidator": purges an assistant's cached answers when an event
 * says they are stale (an update to what answers depend on, a deletion). A purge is idempotent and
 * waits while MongoDB is unreachable; offsets are committed after the purges.
 */
@Component
class SemanticCacheInvalidator extends CommittingEventConsumer {

    static final String GROUP = "semantic-cache-invalidator";
    private static final Logger log = LoggerFactory.getLogger(SemanticCacheInvalidator.class);

    /** Whether an event makes the assistant's cached answers stale. */
    private static final AssistantEvent.Visitor<Boolean> STALES_ANSWERS = new AssistantEvent.Visitor<>() {
        @Override
        public Boolean created(AssistantCreated event) {
            return false;
        }

        @Override
        public Boolean updated(AssistantUpdated event) {
            return event.changes().propertyNames().stream().anyMatch(AssistantSettings.ANSWER_INPUTS::contains);
        }

        @Override
        public Boolean deleted(AssistantDeleted event) {
            return true;
        }

        @Override
        public Boolean avatarSet(AvatarSet event) {
            return false;
        }

        @Override
        public Boolean avatarRemoved(AvatarRemoved event) {
            return false;
        }

        @Override
        public Boolean cachePurged(SemanticCachePurged event) {
            // the purge that recorded this event already emptied the cache
            return false;
        }
    };

    private final SemanticCache cache;

    SemanticCacheInvalidator(
            SemanticCache cache,
            @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${assistants.kafka.topic}") String topic) {
        super(GROUP, bootstrapServers, topic);
        this.cache = cache;
    }

    @Override
    protected void handle(ReceivedEvent received) {
        if (received.event().accept(STALES_ANSWERS)) {
            MongoRetry.untilAvailable(
                    "purging the semantic cache of " + received.event().assistantId(), () -> {
                        long purged = cache.purge(received.event().assistantId());
                        log.info(
                                "Purged {} cached answers of assistant {} after {}",
                                purged,
                                received.event().assistantId(),
                                AssistantEvent.typeName(received.event().getClass()));
                    });
        }
    }
}
