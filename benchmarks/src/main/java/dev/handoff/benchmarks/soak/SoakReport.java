package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a fault soak found: for every transfer, Handoff's final state beside what the provider did;
 * double executions, contradictions, operations left active, and every UNKNOWN with how it was
 * decided.
 */
final class SoakReport {
  private static final Set<String> ACTIVE =
      Set.of("REQUESTED", "SUBMITTED", "IN_PROGRESS", "ACCEPTED");

  final SoakSettings settings;
  final Map<String, Integer> finalStates = new TreeMap<>();
  final Map<String, Integer> decidedBy = new TreeMap<>();
  final List<String> doubles = new ArrayList<>();
  final List<String> contradictions = new ArrayList<>();
  final List<String> stuck = new ArrayList<>();
  final List<Map<String, String>> unknowns = new ArrayList<>();
  final Map<String, Integer> faultsArmed;
  int transfers;
  int refusedSubmissions;
  long providerRequests;
  long faultedProviderRequests;
  long callbacks;
  long faultedCallbacks;
  long seconds;

  SoakReport(SoakSettings settings, Map<String, Integer> faultsArmed) {
    this.settings = settings;
    this.faultsArmed = faultsArmed;
  }

  /**
   * Adds one transfer.
   *
   * @param operation the operation as the service reports it
   * @param truth what the provider did, or null when no request reached it
   */
  void add(JsonNode operation, ProviderTruth truth) {
    transfers++;
    String id = operation.get("id").asText();
    String call = operation.get("callId").asText();
    String state = operation.get("state").asText();
    finalStates.merge(state, 1, Integer::sum);
    ProviderTruth.Outcome outcome =
        truth == null ? ProviderTruth.Outcome.NOT_EXECUTED : truth.outcome();
    String who = id + " on " + call + ": " + state + ", provider " + outcome;
    if (truth != null && truth.executions() > 1) {
      doubles.add(who + " (" + truth.executions() + " executions)");
    }
    if (ACTIVE.contains(state)) {
      stuck.add(who);
    }
    if (state.equals("COMPLETED") && outcome != ProviderTruth.Outcome.TRANSFERRED
        || state.equals("FAILED") && outcome == ProviderTruth.Outcome.TRANSFERRED) {
      contradictions.add(who);
    }
    JsonNode decisive = decisive(operation);
    decidedBy.merge(
        state + " by " + (decisive == null ? "?" : decisive.path("source").asText()),
        1,
        Integer::sum);
    if (state.equals("UNKNOWN")) {
      Map<String, String> unknown = new LinkedHashMap<>();
      unknown.put("operation", id);
      unknown.put("call", call);
      unknown.put("provider", outcome.name());
      JsonNode reconciliation = lastOf(operation, "RECONCILIATION");
      JsonNode basis = reconciliation != null ? reconciliation : last(operation);
      unknown.put("decidedBy", basis.path("source").asText());
      unknown.put("basis", basis.path("what").asText());
      unknowns.add(unknown);
    }
  }

  /** The entry that moved the operation into its final state. */
  private static JsonNode decisive(JsonNode operation) {
    JsonNode found = null;
    for (JsonNode entry : operation.get("timeline")) {
      if (entry.path("disposition").asText().equals("APPLIED")
          && entry.path("state").asText().equals(operation.get("state").asText())) {
        found = entry;
      }
    }
    return found;
  }

  private static JsonNode lastOf(JsonNode operation, String source) {
    JsonNode found = null;
    for (JsonNode entry : operation.get("timeline")) {
      if (entry.path("source").asText().equals(source)) {
        found = entry;
      }
    }
    return found;
  }

  private static JsonNode last(JsonNode operation) {
    JsonNode timeline = operation.get("timeline");
    return timeline.get(timeline.size() - 1);
  }

  /**
   * @return every UNKNOWN was reconciled: the provider was consulted and could not tell, or could
   *     not be asked
   */
  boolean everyUnknownReconciled() {
    return unknowns.stream().allMatch(u -> u.get("decidedBy").equals("RECONCILIATION"));
  }

  /**
   * @return no double execution, no contradiction, nothing left active, every UNKNOWN reconciled
   */
  boolean holds() {
    return doubles.isEmpty()
        && contradictions.isEmpty()
        && stuck.isEmpty()
        && everyUnknownReconciled()
        && transfers == settings.transfers();
  }

  /**
   * @return the share of transfers left UNKNOWN
   */
  double unknownShare() {
    return transfers == 0 ? 0 : (double) unknowns.size() / transfers;
  }

  ObjectNode json() {
    ObjectNode root = SoakApi.JSON.createObjectNode();
    root.set("settings", SoakApi.JSON.valueToTree(settingsMap()));
    root.put("transfers", transfers);
    root.put("refusedSubmissions", refusedSubmissions);
    root.put("seconds", seconds);
    root.put("providerRequests", providerRequests);
    root.put("faultedProviderRequests", faultedProviderRequests);
    root.put("callbacks", callbacks);
    root.put("faultedCallbacks", faultedCallbacks);
    root.set("faultsArmed", SoakApi.JSON.valueToTree(faultsArmed));
    root.set("finalStates", SoakApi.JSON.valueToTree(finalStates));
    root.set("decidedBy", SoakApi.JSON.valueToTree(decidedBy));
    root.set("doubleExecutions", SoakApi.JSON.valueToTree(doubles));
    root.set("contradictions", SoakApi.JSON.valueToTree(contradictions));
    root.set("stuck", SoakApi.JSON.valueToTree(stuck));
    root.set("unknowns", SoakApi.JSON.valueToTree(unknowns));
    root.put("holds", holds());
    return root;
  }

  private Map<String, Object> settingsMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("provider", settings.provider());
    map.put("store", settings.store());
    map.put("transfers", settings.transfers());
    map.put("concurrency", settings.concurrency());
    map.put("providerFaults", settings.providerFaults());
    map.put("callbackFaults", settings.callbackFaults());
    map.put("shortLatency", settings.shortLatency().toString());
    map.put("longLatency", settings.longLatency().toString());
    map.put("attemptTimeout", settings.attemptTimeout().toString());
    map.put("overallTimeout", settings.overallTimeout().toString());
    map.put("transferDeadline", settings.transferDeadline().toString());
    map.put("recheckAfter", settings.recheckAfter().toString());
    map.put("ringTime", settings.ringTime().toString());
    map.put("seed", settings.seed());
    return map;
  }

  String summary() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "%d transfers (%s, %s store) in %d s; provider requests %d, faulted %d (%.1f %%);"
                + " callbacks %d, faulted %d (%.1f %%)%n",
            transfers,
            settings.provider(),
            settings.store(),
            seconds,
            providerRequests,
            faultedProviderRequests,
            percent(faultedProviderRequests, providerRequests),
            callbacks,
            faultedCallbacks,
            percent(faultedCallbacks, callbacks)));
    text.append("final states: ").append(finalStates).append('\n');
    text.append("decided by: ").append(decidedBy).append('\n');
    text.append(
        String.format(
            "double executions %d, contradictions %d, stuck %d, UNKNOWN %d (%.2f %%)%n",
            doubles.size(),
            contradictions.size(),
            stuck.size(),
            unknowns.size(),
            100 * unknownShare()));
    doubles.forEach(d -> text.append("  double: ").append(d).append('\n'));
    contradictions.forEach(c -> text.append("  contradiction: ").append(c).append('\n'));
    stuck.forEach(s -> text.append("  stuck: ").append(s).append('\n'));
    unknowns.forEach(u -> text.append("  UNKNOWN: ").append(u).append('\n'));
    return text.toString();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
