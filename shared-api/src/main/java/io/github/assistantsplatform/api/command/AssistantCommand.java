package io.github.assistantsplatform.api.command;

import java.util.UUID;

/** A command addressed to one Assistant aggregate. */
public sealed interface AssistantCommand
        permits CreateAssistant, UpdateAssistant, DeleteAssistant, SetAvatar, RemoveAvatar, RecordSemanticCachePurge {
    UUID assistantId();
}
