package io.github.assistantsplatform.model;

/**
 * What an assistant's snapshot holds, for the two services that read one: command-service loads the aggregate
 * from it, query-service answers {@code as_of} from it. Its payload is the aggregate as JSON, whose
 * {@value #STATE} field is the {@link AssistantState} after the event its sequence number names.
 */
public final class AssistantSnapshot {

    /**
     * The shape of a snapshot (the aggregate's fields, {@link AssistantState} and what it holds). Raise it with
     * any change to that shape: snapshots of another revision are passed over, and the events folded instead.
     */
    public static final String REVISION = "1";

    /** The field of the payload that holds the state. */
    public static final String STATE = "state";

    private AssistantSnapshot() {}
}
