package dev.handoff.emulator.cli;

import dev.handoff.emulator.HandoffEmulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar handoff-emulator.jar [flags]}: runs the emulator until interrupted. Run with
 * {@code --help} for the flags.
 */
public final class EmulatorMain {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar handoff-emulator.jar [flags]",
          "",
          "Listeners",
          "  --port N                      plain HTTP port (default 8089; 0 = any free port)",
          "  --https-port N                HTTPS port (default 8443; 0 = any free port)",
          "  --bind ADDRESS                address to bind (default 127.0.0.1)",
          "  --advertised-host HOST        host put into the printed URLs (default: the bind address)",
          "  --tls-keystore FILE           PKCS12 key store to serve HTTPS with (default: generate a self-signed cert)",
          "  --tls-keystore-password PW    its password",
          "  --tls-hostname NAME           extra DNS name / IP for the generated certificate (repeatable)",
          "  --write-trust DIR             write handoff-emulator.pem and handoff-emulator-truststore.p12 into DIR",
          "",
          "Identities",
          "  --seed N                      seed of every generated id (default 0)",
          "  --acs-resource-id ID          ACS resource id = audience of ACS callback JWTs",
          "  --acs-access-key BASE64       ACS access key HMAC signatures are checked with",
          "  --graph-tenant ID             Entra tenant of the Graph bot",
          "  --graph-client-id ID          client id the token endpoint accepts",
          "  --graph-client-secret SECRET  client secret the token endpoint accepts",
          "  --graph-bot-app-id ID         audience of Graph callback JWTs (default: the client id)",
          "  --graph-roles R1,R2           application permissions in issued Graph tokens",
          "",
          "Webhooks",
          "  --event-grid-webhook URL      Event Grid subscription endpoint for ACS IncomingCall events",
          "  --graph-bot-webhook URL       the bot's calling webhook for Graph incoming calls",
          "",
          "Simulation",
          "  --time-scale X                factor on simulated durations (default 1.0)",
          "  --ring-time DURATION          how long targets ring before their outcome (default 1s)",
          "  --invitation-timeout DURATION ring limit when a request names none (default 60s)",
          "  --graph-incoming-timeout D    how long a Graph incoming call can be redirected (default 15s)",
          "  --callback-timeout DURATION   timeout of one callback attempt (default 10s)",
          "  --callback-attempts N         most delivery attempts per callback (default 5)",
          "  --callback-backoff D          delay before the 2nd attempt, doubling (default 500ms)",
          "  --callback-max-backoff D      longest delay between attempts (default 8s)",
          "  --callback-verify-tls         verify https callback receivers' certificates (default: trust any)",
          "  --max-hold DURATION           longest a no-response fault holds a request (default 30s)",
          "  --hmac-clock-skew DURATION    allowed HMAC date skew (default 15m)",
          "  --graph-subcode-camel-case    emit subCode instead of subcode in Graph resultInfo",
          "  --participant-page-size N     most participants in one page of a participant list (default 100)",
          "",
          "  --help                        print this help",
          "",
          "Durations: 250ms, 2s, 1m, 1h or ISO-8601 (PT2S).");

  private EmulatorMain() {}

  /** Starts the emulator and blocks until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    Parsed parsed;
    try {
      parsed = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    HandoffEmulator emulator = parsed.builder().build().start();
    if (parsed.trustDirectory() != null) {
      emulator.trust().writeTo(parsed.trustDirectory());
    }
    print(emulator, parsed.trustDirectory(), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  static void print(HandoffEmulator emulator, Path trustDirectory, PrintStream out) {
    out.println(emulator.describe());
    if (trustDirectory != null) {
      out.println("Trust material written to " + trustDirectory.toAbsolutePath());
    }
    out.flush();
  }

  /** Parsed flags: the configured builder and where to write the trust material. */
  record Parsed(HandoffEmulator.Builder builder, Path trustDirectory) {}

  /**
   * Parses the flags.
   *
   * @throws IllegalArgumentException naming the bad flag
   */
  static Parsed parse(String[] args) {
    HandoffEmulator.Builder builder = HandoffEmulator.builder().httpPort(8089).httpsPort(8443);
    Path trust = null;
    String clientId = HandoffEmulator.DEFAULT_CLIENT_ID;
    String clientSecret = HandoffEmulator.DEFAULT_CLIENT_SECRET;
    String keyStore = null;
    String keyStorePassword = null;
    int attempts = 5;
    Duration backoff = Duration.ofMillis(500);
    Duration maxBackoff = Duration.ofSeconds(8);
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String flag = rest.remove(0);
      switch (flag) {
        case "--callback-verify-tls" -> builder.callbackTrustAll(false);
        case "--graph-subcode-camel-case" -> builder.graphSubCodeCamelCase(true);
        default -> {
          if (rest.isEmpty()) {
            throw new IllegalArgumentException("flag " + flag + " needs a value (or is unknown)");
          }
          String value = rest.remove(0);
          switch (flag) {
            case "--port" -> builder.httpPort(integer(flag, value));
            case "--https-port" -> builder.httpsPort(integer(flag, value));
            case "--bind" -> builder.bindAddress(value);
            case "--advertised-host" -> builder.advertisedHost(value);
            case "--tls-keystore" -> keyStore = value;
            case "--tls-keystore-password" -> keyStorePassword = value;
            case "--tls-hostname" -> builder.tlsHostname(value);
            case "--write-trust" -> trust = Path.of(value);
            case "--seed" -> builder.seed(longValue(flag, value));
            case "--acs-resource-id" -> builder.acsResourceId(value);
            case "--acs-access-key" -> builder.acsAccessKey(value);
            case "--graph-tenant" -> builder.graphTenant(value);
            case "--graph-client-id" -> clientId = value;
            case "--graph-client-secret" -> clientSecret = value;
            case "--graph-bot-app-id" -> builder.graphBotAppId(value);
            case "--graph-roles" -> builder.graphRoles(List.of(value.split(",")));
            case "--event-grid-webhook" -> builder.eventGridWebhook(value);
            case "--graph-bot-webhook" -> builder.graphBotWebhook(value);
            case "--time-scale" -> builder.timeScale(doubleValue(flag, value));
            case "--ring-time" -> builder.ringTime(duration(flag, value));
            case "--invitation-timeout" -> builder.defaultInvitationTimeout(duration(flag, value));
            case "--graph-incoming-timeout" ->
                builder.graphIncomingCallTimeout(duration(flag, value));
            case "--callback-timeout" -> builder.callbackTimeout(duration(flag, value));
            case "--callback-attempts" -> attempts = integer(flag, value);
            case "--callback-backoff" -> backoff = duration(flag, value);
            case "--callback-max-backoff" -> maxBackoff = duration(flag, value);
            case "--max-hold" -> builder.maxHold(duration(flag, value));
            case "--hmac-clock-skew" -> builder.hmacClockSkew(duration(flag, value));
            case "--participant-page-size" -> builder.participantPageSize(atLeastOne(flag, value));
            default -> throw new IllegalArgumentException("unknown flag " + flag);
          }
        }
      }
    }
    builder.graphApp(clientId, clientSecret);
    builder.callbackRetry(attempts, backoff, maxBackoff);
    if (keyStore != null) {
      builder.tlsKeyStore(Path.of(keyStore), keyStorePassword);
    }
    return new Parsed(builder, trust);
  }

  /** Parses {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h} or ISO-8601. */
  static Duration duration(String flag, String value) {
    try {
      if (value.startsWith("P") || value.startsWith("p")) {
        return Duration.parse(value);
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          flag + " needs a duration like 500ms, 2s, 1m or PT2S but got '" + value + "'");
    }
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs an integer but got '" + value + "'");
    }
  }

  private static int atLeastOne(String flag, String value) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1) {
      throw new IllegalArgumentException(
          flag + " needs an integer of at least 1 but got '" + value + "'");
    }
    return number;
  }

  private static long longValue(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs an integer but got '" + value + "'");
    }
  }

  private static double doubleValue(String flag, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number but got '" + value + "'");
    }
  }
}
