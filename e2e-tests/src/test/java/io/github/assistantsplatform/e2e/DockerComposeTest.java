package io.github.assistantsplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is kept honest by reading it: every
 * service, port and variable must be one the services and the local stack actually use.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    static final Map<String, Integer> SERVICES =
            Map.of("command-service", 8081, "query-service", 8082, "avatar-service", 8083, "gateway", 8080);
    /** Bound by Spring's relaxed binding (assistants.jwt.*) in every service but the gateway, not by a placeholder. */
    private static final Set<String> JWT_VARIABLES = Set.of(
            "ASSISTANTS_JWT_SECRET", "ASSISTANTS_JWT_JWKS_URI", "ASSISTANTS_JWT_ISSUER", "ASSISTANTS_JWT_AUDIENCE");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    @SuppressWarnings("unchecked")
    void everyServicePortAndVariableMatchesTheServicesConfiguration() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        String localStack = Files.readString(
                ROOT.resolve("local-stack/src/main/java/io/github/assistantsplatform/localstack/LocalStack.java"));
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(services).containsKeys("postgres", "kafka", "mongodb", "minio");
        SERVICES.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).isNotNull();
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            Set<String> read = variablesRead(name);

            assertThat(environment.keySet())
                    .as("%s: variables the service reads", name)
                    .isSubsetOf(read);
            assertThat(environment.keySet())
                    .as("%s: names the local stack uses", name)
                    .allMatch(variable -> localStack.contains("\"" + variable + "\""));
            assertThat(environment.keySet())
                    .as("%s: variables the README documents", name)
                    .allMatch(variable -> readme.contains("`" + variable + "`"));
            String portVariable = name.toUpperCase().replace('-', '_') + "_PORT";
            assertThat(String.valueOf(environment.get(portVariable)))
                    .as("%s port", name)
                    .isEqualTo(String.valueOf(port));
            String dockerfile =
                    read(ROOT.resolve((String) ((Map<String, Object>) service.get("build")).get("dockerfile")));
            assertThat(dockerfile)
                    .as("%s Dockerfile", name)
                    .contains("EXPOSE " + port, name + "-exec.jar", "USER 10001");
            ((Map<String, Object>) service.getOrDefault("depends_on", Map.of()))
                    .keySet()
                    .forEach(dependency -> assertThat(services)
                            .as("%s depends on %s", name, dependency)
                            .containsKey(dependency));
            environment.forEach((variable, value) -> {
                Matcher url = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(String.valueOf(value));
                if (url.matches() && SERVICES.containsKey(url.group(1))) {
                    assertThat(Integer.parseInt(url.group(2)))
                            .as("%s: %s", name, variable)
                            .isEqualTo(SERVICES.get(url.group(1)));
                }
            });
        });
    }

    /** The environment variables the service reads: its placeholders, and the JWT settings it binds. */
    static Set<String> variablesRead(String service) {
        Set<String> variables = new HashSet<>();
        List<Path> configuration = List.of(
                ROOT.resolve(service + "/src/main/resources/" + service + ".yml"),
                ROOT.resolve("event-store/src/main/resources/event-store.properties"));
        for (Path file : configuration) {
            if (file.endsWith("event-store.properties")
                    && !read(ROOT.resolve(service + "/src/main/resources/" + service + ".yml"))
                            .contains("event-store.properties")) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(read(file));
            while (placeholder.find()) {
                variables.add(placeholder.group(1));
            }
        }
        if (!service.equals("gateway")) {
            variables.addAll(JWT_VARIABLES);
        }
        return variables;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
