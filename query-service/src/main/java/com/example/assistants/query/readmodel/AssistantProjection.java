package com.example.assistants.query.readmodel;

import com.example.assistants.api.event.AssistantEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps the read model up to date with the event store (tracking processor "assistant-read-model"). */
@Component
@ProcessingGroup(AssistantProjection.PROCESSING_GROUP)
public class AssistantProjection {

    public static final String PROCESSING_GROUP = "assistant-read-model";

    private final ReadModel readModel;
    private final ReadModelUpdater updater;

    AssistantProjection(ReadModel readModel, ReadModelUpdater updater) {
        this.readModel = readModel;
        this.updater = updater;
    }

    @EventHandler
    void on(AssistantEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        MongoRetry.untilAvailable("projecting event " + sequence + " of assistant " + event.assistantId(),
                () -> updater.apply(readModel.active(), event, sequence, at));
    }
}
