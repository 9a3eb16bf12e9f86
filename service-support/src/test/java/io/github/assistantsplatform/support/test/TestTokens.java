package io.github.assistantsplatform.support.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Bearer tokens as an issuer would mint them, plus the broken kinds a client might send. */
public final class TestTokens {

    public static final String SECRET = "test-secret-for-hs256-0123456789-abcdefghij";
    public static final String OTHER_SECRET = "another-secret-nobody-trusts-0123456789-xyz";

    private TestTokens() {}

    public static String admin() {
        return token("admin-alice", List.of("admin", "user"), Duration.ofMinutes(10), SECRET);
    }

    public static String admin(String subject) {
        return token(subject, List.of("admin"), Duration.ofMinutes(10), SECRET);
    }

    public static String user() {
        return token("user-bob", List.of("user"), Duration.ofMinutes(10), SECRET);
    }

    public static String service() {
        return token("svc-rag", List.of("service"), Duration.ofMinutes(10), SECRET);
    }

    /** Expired well beyond the verifier's clock-skew allowance. */
    public static String expiredAdmin() {
        return token("admin-alice", List.of("admin"), Duration.ofMinutes(-10), SECRET);
    }

    public static String adminSignedByStranger() {
        return token("admin-mallory", List.of("admin"), Duration.ofMinutes(10), OTHER_SECRET);
    }

    /** An unsigned token ({@code "alg": "none"}) claiming admin. */
    public static String unsignedAdmin() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"sub\":\"admin-mallory\",\"roles\":[\"admin\"],\"exp\":"
                        + Instant.now().plusSeconds(600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    public static String token(String subject, List<String> roles, Duration validFor, String secret) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(validFor)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
