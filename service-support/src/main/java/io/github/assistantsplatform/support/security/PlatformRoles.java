package io.github.assistantsplatform.support.security;

/** The values of the {@code roles} claim that grant something, as Spring Security roles (any valid token is a user). */
public final class PlatformRoles {
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    private PlatformRoles() {}
}
