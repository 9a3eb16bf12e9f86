package io.github.assistantsplatform.api.assistant;

/** The sequence number of an assistant's latest event (as of a position, when one was asked). */
public record AssistantSequence(long sequence) {}
