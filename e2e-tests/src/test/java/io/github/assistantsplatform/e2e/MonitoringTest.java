package io.github.assistantsplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The compose stack's Prometheus and Grafana cannot run here either: their configuration is held to the
 * services' (every replica of each scraped on its management port, the dashboard on the provisioned data
 * source). {@code WholeSystemIT} checks that every metric the dashboard shows is one the services expose.
 */
class MonitoringTest {

    static final Path ROOT = Path.of(System.getProperty("repository.root", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path DASHBOARD = ROOT.resolve("deploy/grafana/dashboards/assistants.json");
    /** A metric in a PromQL expression: written as {@code name{...}}, as every panel of the dashboard does. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    /** Made by Prometheus itself, not by a service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryReplicaOfEachServiceOnItsManagementPort() throws Exception {
        Map<String, Object> prometheus =
                new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")));
        Map<String, Map<String, Object>> jobs = ((List<Map<String, Object>>) prometheus.get("scrape_configs"))
                .stream().collect(Collectors.toMap(job -> (String) job.get("job_name"), job -> job));

        assertThat(jobs.keySet()).isEqualTo(DockerComposeTest.SERVICES.keySet());
        DockerComposeTest.SERVICES.keySet().forEach(service -> {
            Map<String, Object> job = jobs.get(service);
            Map<String, Object> discovery = ((List<Map<String, Object>>) job.get("dns_sd_configs")).get(0);
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(discovery.get("names"))
                    .as("%s: all of its replicas", service)
                    .isEqualTo(List.of(service));
            assertThat(discovery.get("type")).isEqualTo("A");
            assertThat(discovery.get("port"))
                    .as("%s: its management port", service)
                    .isEqualTo(managementPort(service));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeMountsTheConfigurationAndTheDashboardOnTheProvisionedDataSource() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(Files.readString(ROOT.resolve("docker-compose.yml")))
                .get("services");
        for (String optional : List.of("prometheus", "grafana")) {
            Map<String, Object> service = services.get(optional);
            assertThat(service.get("profiles")).as(optional).isEqualTo(List.of("monitoring"));
            ((List<String>) service.get("volumes"))
                    .stream()
                            .filter(volume -> volume.startsWith("./"))
                            .forEach(volume -> assertThat(ROOT.resolve(volume.substring(2, volume.indexOf(':'))))
                                    .as("%s mounts %s", optional, volume)
                                    .exists());
        }
        Map<String, Object> datasources = new Yaml()
                .load(Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")));
        Object uid = ((List<Map<String, Object>>) datasources.get("datasources"))
                .get(0)
                .get("uid");

        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());
        List<JsonNode> panels = dashboard
                .get("panels")
                .valueStream()
                .filter(panel -> !panel.get("type").asString().equals("row"))
                .toList();
        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(uid);
            assertThat(panel.get("targets")
                            .valueStream()
                            .map(target -> target.get("expr").asString()))
                    .isNotEmpty()
                    .allSatisfy(expression -> assertThat(metricsIn(expression)).isNotEmpty());
        });
        assertThat(dashboardMetrics())
                .as("the figures the operator's questions need")
                .contains(
                        "eventProcessor_latency",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "http_client_requests_seconds_count",
                        "mongodb_driver_commands_seconds_count",
                        "assistants_semantic_cache_lookups_total",
                        "assistants_semantic_cache_embedding_seconds_count",
                        "assistants_read_model_rebuild_events_replayed");
    }

    /** Every metric the dashboard's panels query that a service must expose. */
    static Set<String> dashboardMetrics() throws Exception {
        Set<String> metrics = new TreeSet<>();
        JsonMapper.builder()
                .build()
                .readTree(DASHBOARD.toFile())
                .get("panels")
                .valueStream()
                .filter(panel -> panel.has("targets"))
                .flatMap(panel -> panel.get("targets").valueStream())
                .forEach(target -> metrics.addAll(metricsIn(target.get("expr").asString())));
        metrics.removeAll(PROMETHEUS_OWN);
        return metrics;
    }

    private static Set<String> metricsIn(String expression) {
        Set<String> metrics = new TreeSet<>();
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            metrics.add(selector.group(1));
        }
        return metrics;
    }

    private static int managementPort(String service) {
        Matcher port = Pattern.compile("\\$\\{ASSISTANTS_MANAGEMENT_PORT:(\\d+)}")
                .matcher(DockerComposeTest.read(ROOT.resolve(service + "/src/main/resources/" + service + ".yml")));
        assertThat(port.find()).as(service).isTrue();
        return Integer.parseInt(port.group(1));
    }
}
