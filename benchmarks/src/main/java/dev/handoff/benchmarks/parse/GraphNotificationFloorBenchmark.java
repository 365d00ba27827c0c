package dev.handoff.benchmarks.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.handoff.benchmarks.workload.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The irreducible part of {@link GraphNotificationBenchmark}'s Handoff side, measured alone: what
 * any parser of the same bodies that derives the same content-based event ids must do at least,
 * with the same tokenizer. {@code tokens*}: Jackson's tokenizer over the body, every member name
 * and string value made a string (the events need them), nothing built. {@code sha256*}: the
 * SHA-256 and hex text of each item's canonical JSON (members sorted, no white space; computed once
 * here), which an event id needs. {@code floor*}: both, one after the other. Against the SDK path
 * of {@link GraphNotificationBenchmark} these give the best ratio this design can reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GraphNotificationFloorBenchmark {
  private static final JsonFactory TOKENS = new JsonFactory();
  private static final HexFormat HEX = HexFormat.of();

  private String transferNotifications;
  private String incomingCall;
  private List<byte[]> transferItems;
  private List<byte[]> incomingItems;
  private MessageDigest sha256;

  /** The bodies and their items' canonical JSON. */
  @Setup
  public void setUp() {
    transferNotifications = Workloads.GRAPH_TRANSFER_NOTIFICATIONS;
    incomingCall = Workloads.GRAPH_INCOMING_CALL;
    transferItems = canonicalItems(transferNotifications);
    incomingItems = canonicalItems(incomingCall);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /**
   * @return the number of tokens of the transfer's notifications
   */
  @Benchmark
  public int tokensTransferNotifications() {
    return tokens(transferNotifications);
  }

  /**
   * @return the number of tokens of the incoming call
   */
  @Benchmark
  public int tokensIncomingCall() {
    return tokens(incomingCall);
  }

  /**
   * @return the hex digests of the transfer's three items
   */
  @Benchmark
  public List<String> sha256TransferNotifications() {
    return digests(transferItems);
  }

  /**
   * @return the hex digest of the incoming call's item
   */
  @Benchmark
  public List<String> sha256IncomingCall() {
    return digests(incomingItems);
  }

  /**
   * @return the hex digests of the transfer's items, after tokenizing its body
   */
  @Benchmark
  public List<String> floorTransferNotifications() {
    tokens(transferNotifications);
    return digests(transferItems);
  }

  /**
   * @return the hex digest of the incoming call's item, after tokenizing its body
   */
  @Benchmark
  public List<String> floorIncomingCall() {
    tokens(incomingCall);
    return digests(incomingItems);
  }

  private static int tokens(String body) {
    int count = 0;
    try (JsonParser parser = TOKENS.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
          count += parser.getText().length() > 0 ? 1 : 0;
        }
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  private List<String> digests(List<byte[]> items) {
    List<String> ids = new ArrayList<>(items.size());
    for (byte[] item : items) {
      ids.add("graph:" + HEX.formatHex(sha256.digest(item)));
    }
    return ids;
  }

  private static List<byte[]> canonicalItems(String body) {
    ObjectMapper sorted =
        JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();
    try {
      List<byte[]> items = new ArrayList<>();
      for (JsonNode item : sorted.readTree(body).get("value")) {
        items.add(sorted.writeValueAsString(item).getBytes(StandardCharsets.UTF_8));
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
