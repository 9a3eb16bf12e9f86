package com.example.assistants.support.security;

/** The values of the {@code roles} claim, as Spring Security roles. */
public final class PlatformRoles {
    public static final String ADMIN = "ADMIN";
    public static final String USER = "USER";
    public static final String SERVICE = "SERVICE";

    private PlatformRoles() {
    }
}
