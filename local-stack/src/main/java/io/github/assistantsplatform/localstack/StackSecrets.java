package io.github.assistantsplatform.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The local stack's JWT secret: random on the first start, then kept in the data folder. */
final class StackSecrets {

    private StackSecrets() {}

    static String jwtSecret(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("jwt-secret");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions; the data folder is the user's own anyway
        }
        LocalStack.log("generated a new JWT secret in " + file);
        return secret;
    }
}
