package io.github.assistantsplatform.support.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, for the rules a route pattern cannot express (a private assistant, an admin-only parameter). */
public final class Callers {

    private Callers() {}

    /** A valid token of any kind: a user. No token: a guest. */
    public static boolean isAuthenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    public static boolean hasRole(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }

    /** Refuses the request unless the caller is an admin: 401 for a guest, 403 for anyone else. */
    public static void requireRole(String role) {
        if (!hasRole(role)) {
            throw new AccessDeniedException("requires role " + role);
        }
    }
}
