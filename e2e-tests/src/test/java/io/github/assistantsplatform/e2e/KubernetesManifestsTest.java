package io.github.assistantsplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Kubernetes manifests under {@code deploy/kubernetes}, read into the Kubernetes API's own model
 * (fabric8's): every field must be one the API knows, and each service's Deployment must match its
 * configuration (port, variables it reads, probes it answers), with a Service and a
 * PodDisruptionBudget that select its pods.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment",
            Deployment.class,
            "Service",
            Service.class,
            "PodDisruptionBudget",
            PodDisruptionBudget.class,
            "ConfigMap",
            ConfigMap.class,
            "Secret",
            Secret.class);
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Test
    void everyServiceRunsAsReplicasWithProbesAServiceAndADisruptionBudgetMatchingItsConfiguration() throws Exception {
        List<HasMetadata> resources = manifests();
        Map<String, String> settings =
                one(resources, ConfigMap.class, "assistants-settings").getData();
        Secret secret = one(resources, Secret.class, "assistants-secrets");

        DockerComposeTest.SERVICES.forEach((name, port) -> {
            Deployment deployment = one(resources, Deployment.class, name);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

            assertThat(deployment.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(podLabels)
                    .as(name)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(container.getPorts().get(0).getContainerPort()).as(name).isEqualTo(port);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
            assertThat(DockerComposeTest.read(ROOT.resolve(name + "/src/main/resources/" + name + ".yml")))
                    .as("%s enables its probes", name)
                    .contains("probes:\n        enabled: true");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
            Set<String> read = DockerComposeTest.variablesRead(name);
            for (EnvVar variable : container.getEnv()) {
                if (!variable.getName().equals("AXONIQ_UPDATE_CHECKER_DISABLED")) {
                    assertThat(read).as("%s reads %s", name, variable.getName()).contains(variable.getName());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    assertThat(settings)
                            .as("%s: %s", name, variable.getName())
                            .containsKey(
                                    variable.getValueFrom().getConfigMapKeyRef().getKey());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(secret.getStringData())
                            .as("%s: %s", name, variable.getName())
                            .containsKey(
                                    variable.getValueFrom().getSecretKeyRef().getKey());
                }
            }
            assertThat(container.getEnv())
                    .extracting(EnvVar::getName)
                    .as(name)
                    .contains(name.toUpperCase().replace('-', '_') + "_PORT");

            Service service = one(resources, Service.class, name);
            assertThat(podLabels)
                    .as("%s Service selects its pods", name)
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts().get(0).getPort()).as(name).isEqualTo(port);
            PodDisruptionBudget budget = one(resources, PodDisruptionBudget.class, name);
            assertThat(podLabels)
                    .as("%s budget selects its pods", name)
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable().getIntVal())
                    .isLessThan(deployment.getSpec().getReplicas());
        });
    }

    @Test
    void everyFieldIsOneTheKubernetesApiKnows() throws Exception {
        for (HasMetadata resource : manifests()) {
            List<String> unknown = new ArrayList<>();
            unknownFields(
                    resource,
                    resource.getKind() + "/" + resource.getMetadata().getName(),
                    unknown,
                    new IdentityHashMap<>());
            assertThat(unknown)
                    .as(resource.getKind() + " " + resource.getMetadata().getName())
                    .isEmpty();
        }
    }

    private static List<HasMetadata> manifests() throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    for (JsonNode document :
                            YAML.readValues(parser, JsonNode.class).readAll()) {
                        Class<? extends HasMetadata> type =
                                KINDS.get(document.get("kind").asText());
                        assertThat(type).as("%s: a kind this test knows", file).isNotNull();
                        resources.add(YAML.treeToValue(document, type));
                    }
                }
            }
        }
        return resources;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type, String name) {
        List<T> found = resources.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .toList();
        assertThat(found).as("%s %s", type.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }

    /** The fabric8 model keeps any field the API does not know in {@code additionalProperties}: there must be none. */
    private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen)
            throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() == 0
                    && getter.getName().startsWith("get")
                    && !getter.getName().equals("getClass")) {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(field, path + "." + getter.getName().substring(3), unknown, seen);
                }
            }
        }
    }
}
