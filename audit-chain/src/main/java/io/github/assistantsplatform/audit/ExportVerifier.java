package io.github.assistantsplatform.audit;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks an audit export offline, with nothing of the platform but this jar:
 * {@code java -jar audit-verifier.jar export.jsonl [anchor.json]}. Every line's link is recomputed from
 * its own fields; a full export's streams are chained from their first event, and with an anchor
 * (fetched from the anchor bucket, not from the platform) the heads at its position are held against its
 * root. Exit status 0 when intact, 1 when something is broken, 2 when the input cannot be read.
 */
public final class ExportVerifier {

    private ExportVerifier() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -jar audit-verifier.jar export.jsonl [anchor.json]");
            System.exit(2);
        }
        Anchor anchor =
                args.length == 2 ? Anchor.fromJson(CanonicalJson.parse(Files.readAllBytes(Path.of(args[1])))) : null;
        System.exit(verify(Path.of(args[0]), anchor, System.out) ? 0 : 1);
    }

    /** Prints what it found; true when the export (and the anchor, if given) are intact. */
    public static boolean verify(Path export, Anchor anchor, PrintStream out) throws IOException {
        JsonNode filters;
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !CanonicalJson.parse(header).has("export")) {
                throw new IOException(export + " does not start with an export header");
            }
            filters = CanonicalJson.parse(header).path("export").path("filters");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(CanonicalJson.parse(line));
                }
            }
        }
        boolean partial = !filters.isEmpty();
        lines.sort(
                Comparator.comparing((JsonNode line) -> line.path("aggregate").stringValue())
                        .thenComparingLong(line -> line.path("sequence").asLong()));
        long chainStart = anchor != null ? anchor.chainStart() : firstChained(lines);
        StreamVerifier verifier =
                new StreamVerifier(chainStart, anchor != null && !partial ? anchor.position() : -1, partial);
        for (JsonNode line : lines) {
            verifier.accept(ExportLine.event(line), ExportLine.previous(line));
        }
        StreamVerifier.Verification verification = verifier.finish();
        List<Finding> findings = anchor != null && !partial ? verification.against(anchor) : verification.findings();
        out.printf(
                "%d events in %d streams (%d linked, %d stored before the chain began)%n",
                verification.events(),
                verification.streams(),
                verification.chainedEvents(),
                verification.legacyEvents());
        if (partial) {
            out.println("a filtered export " + filters + ": each line's link checked, not the streams' completeness"
                    + (anchor != null ? " nor the anchor (that needs an unfiltered export)" : ""));
        } else if (anchor != null) {
            out.printf(
                    "anchor %d at position %d: %s%n",
                    anchor.anchor(),
                    anchor.position(),
                    anchor.root().equals(verification.rootAtAnchor()) ? "root matches" : "root differs");
        }
        for (Finding finding : findings) {
            out.printf(
                    "BROKEN %s %s sequence %s position %s: %s%n",
                    finding.problem(), finding.aggregate(), finding.sequence(), finding.position(), finding.detail());
        }
        out.println(findings.isEmpty() ? "intact" : "broken");
        return findings.isEmpty();
    }

    private static long firstChained(List<JsonNode> lines) {
        return lines.stream()
                .filter(line -> line.path("metadata").has(StoredEvent.HASH))
                .mapToLong(line -> line.path("position").asLong())
                .min()
                .orElse(Long.MAX_VALUE);
    }
}
