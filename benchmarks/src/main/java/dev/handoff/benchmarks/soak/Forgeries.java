package dev.handoff.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.SentCallback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forged and replayed ACS callbacks against an operation still under way: each must be refused
 * (4xx) and change nothing. The donor is a genuine delivery of another, completed operation, whose
 * token and bound URL a hostile party captured.
 */
final class Forgeries {
  private final SoakWorld world;
  private final SoakSettings settings;

  Forgeries(SoakWorld world, SoakSettings settings) {
    this.world = world;
    this.settings = settings;
  }

  /** One forgery: what it is, where it goes, with which headers and body. */
  private record Attempt(String name, String url, Map<String, String> headers, String body) {}

  ObjectNode run() throws Exception {
    SoakApi api = world.first().api;
    String donorCall = "donor-" + settings.seed();
    String donor = transfer(api, donorCall, "+14255550123");
    awaitState(api, donor, "COMPLETED");
    SentCallback genuine =
        world
            .emulator
            .journal()
            .awaitCallbacks(
                c -> donorCall.equals(c.callId()) && c.event().equals("CallTransferAccepted"),
                1,
                Duration.ofSeconds(10))
            .get(0);

    List<Attempt> attempts = new ArrayList<>();
    List<String> victims = new ArrayList<>();
    String token = genuine.headers().get("Authorization");
    SignedJWT real = SignedJWT.parse(token.substring("Bearer ".length()));
    world.emulator.control().script("+14255550199", Outcome.noAnswer());
    for (int round = 0; round < Math.max(1, settings.transfers() / 10); round++) {
      String victimCall = "victim-" + settings.seed() + "-" + round;
      String victim = transfer(api, victimCall, "+14255550199");
      victims.add(victim);
      String forged = genuine.body().replace(donorCall, victimCall).replace(donor, victim);
      Map<String, String> withToken = headers(token);
      String base = api.base().resolve("/callbacks/acs").toString();
      String donorUrl = genuine.url();
      attempts.add(
          new Attempt(
              "genuine token and URL replayed with another operation's body",
              donorUrl,
              withToken,
              forged));
      attempts.add(
          new Attempt("genuine token replayed at the unbound endpoint", base, withToken, forged));
      attempts.add(
          new Attempt(
              "genuine token with the URL of the other operation",
              donorUrl.replace(donor, victim),
              withToken,
              forged));
      attempts.add(new Attempt("no token", donorUrl, headers(null), forged));
      attempts.add(new Attempt("alg none", donorUrl, headers(unsigned(real)), forged));
      attempts.add(
          new Attempt("signed with another key", donorUrl, headers(otherKey(real)), forged));
      attempts.add(new Attempt("edited claims", donorUrl, headers(edited(token)), forged));
      attempts.add(
          new Attempt("HS256 keyed with the public key", donorUrl, headers(hs256(real)), forged));
      attempts.add(new Attempt("malformed token", donorUrl, headers("Bearer not.a.token"), forged));
      Map<String, String> eventGrid = new LinkedHashMap<>();
      eventGrid.put("Content-Type", "application/json");
      eventGrid.put("aeg-event-type", "SubscriptionValidation");
      attempts.add(
          new Attempt(
              "Event Grid handshake without the secret",
              base,
              eventGrid,
              "[{\"id\":\"x\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
                  + "\"data\":{\"validationCode\":\"forged\"},\"eventTime\":\""
                  + Instant.now()
                  + "\",\"subject\":\"\",\"dataVersion\":\"1\",\"topic\":\"t\"}]"));
    }
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String victim : victims) {
      versions.put(victim, api.operation(victim).get("version").asLong());
    }
    int refused = 0;
    List<String> accepted = new ArrayList<>();
    for (Attempt attempt : attempts) {
      int status = api.callback(attempt.url(), attempt.headers(), attempt.body());
      if (status >= 400 && status < 500) {
        refused++;
      } else {
        accepted.add(attempt.name() + ": " + status);
      }
    }
    int changed = 0;
    for (String victim : victims) {
      if (api.operation(victim).get("version").asLong() != versions.get(victim)) {
        changed++;
      }
    }
    ObjectNode report = SoakApi.JSON.createObjectNode();
    report.put("attempts", attempts.size());
    report.put("refused", refused);
    report.set("notRefused", SoakApi.JSON.valueToTree(accepted));
    report.put("victimsChanged", changed);
    report.set(
        "kinds",
        SoakApi.JSON.valueToTree(attempts.stream().map(Attempt::name).distinct().toList()));
    report.put("holds", accepted.isEmpty() && changed == 0);
    return report;
  }

  private String transfer(SoakApi api, String callId, String target) throws Exception {
    world
        .emulator
        .control()
        .createAcsCall(
            new AcsCallSpec(
                api.callbackUri(callId), List.of("4:+14255550100"), null, null, false, callId));
    SoakApi.Answer answer =
        api.transfer(
            callId,
            "{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"" + target + "\"}}",
            "forgery-" + callId);
    return answer.body().get("id").asText();
  }

  private static void awaitState(SoakApi api, String id, String state) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (!api.operation(id).get("state").asText().equals(state)) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException("operation " + id + " did not become " + state);
      }
      Thread.sleep(100);
    }
  }

  private static Map<String, String> headers(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return headers;
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String unsigned(SignedJWT real) throws Exception {
    return "Bearer "
        + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
        + "."
        + b64(real.getJWTClaimsSet().toString())
        + ".";
  }

  private static String otherKey(SignedJWT real) throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
            new JWTClaimsSet.Builder(real.getJWTClaimsSet()).build());
    forged.sign(new RSASSASigner(other));
    return "Bearer " + forged.serialize();
  }

  private static String edited(String token) throws Exception {
    String[] parts = token.substring("Bearer ".length()).split("\\.");
    JsonNode claims = SoakApi.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    ((ObjectNode) claims).put("aud", "another-resource");
    return "Bearer " + parts[0] + "." + b64(claims.toString()) + "." + parts[2];
  }

  private String hs256(SignedJWT real) throws Exception {
    JWKSet keys = JWKSet.load(world.emulator.acs().httpJwks().toURL());
    RSAKey published = (RSAKey) keys.getKeys().get(0);
    byte[] secret = published.toPublicKey().getEncoded();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getHeader().getKeyID()).build(),
            new JWTClaimsSet.Builder(real.getJWTClaimsSet()).build());
    forged.sign(new MACSigner(secret));
    return "Bearer " + forged.serialize();
  }
}
