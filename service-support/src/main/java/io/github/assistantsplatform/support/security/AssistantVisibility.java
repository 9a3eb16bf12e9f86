package io.github.assistantsplatform.support.security;

import io.github.assistantsplatform.model.AssistantState;

/**
 * Who may see an assistant: a public one anyone, a private one ({@code user_authentication}) only a caller
 * with a token; a deleted one no one. The one rule for the list, get, the cache look-up and the avatar.
 */
public final class AssistantVisibility {

    private AssistantVisibility() {}

    public static boolean isVisible(AssistantState assistant) {
        return isVisible(assistant.deleted(), assistant.settings().userAuthentication());
    }

    /** The same, from the two fields it depends on (a read model that stores them apart from the state). */
    public static boolean isVisible(boolean deleted, boolean isPrivate) {
        return !deleted && (!isPrivate || seesPrivateOnes());
    }

    /** Whether the caller sees private assistants too (a list includes them). */
    public static boolean seesPrivateOnes() {
        return Callers.isAuthenticated();
    }
}
