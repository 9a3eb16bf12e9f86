package io.github.assistantsplatform.api.command;

import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * @param request         the fields to change as the client sent them: a merge patch over the current settings,
 *                        checked by the aggregate on the merged result
 * @param expectedVersion the version the caller last saw (If-Match), or null to update whatever is current
 */
public record UpdateAssistant(UUID assistantId, ObjectNode request, Long expectedVersion) implements AssistantCommand {}
