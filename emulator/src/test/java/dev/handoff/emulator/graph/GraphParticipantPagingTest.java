package dev.handoff.emulator.graph;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET …/participants} in pages of two, as Graph collections page: each page exactly, an
 * {@code @odata.nextLink} that is an absolute URL on the emulator's base URL, the last page without
 * one, and tokens accepted only by the call that issued them, behind the same bearer token rule as
 * the first page.
 */
class GraphParticipantPagingTest {
  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(19).participantPageSize(2));

  private static final String[] FIVE = {
    "user:member-1", "phone:+14255550102", "user:member-3", "user:member-4", "phone:+14255550105"
  };

  private static GraphCall groupCall(HandoffEmulator emulator, String... members) {
    return emulator
        .control()
        .createGraphCall(GraphCallSpec.group("http://127.0.0.1:9/nowhere", members));
  }

  private static String participants(String version, GraphCall call) {
    return "/" + version + "/communications/calls/" + call.callId() + "/participants";
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("value").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private static String member(GraphCall call, int index) {
    return call.participants().get(index).participantId();
  }

  @Test
  void theBotAndFiveMembersComeInThreePagesAndTheLastHasNoNextLink(HandoffEmulator emulator) {
    GraphCall call = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    String token = http.graphToken();

    HttpResponse<String> first = http.graphGet(participants("v1.0", call), token);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode one = json(first);
    assertThat(one.get("@odata.context").asText())
        .isEqualTo(
            "https://graph.microsoft.com/v1.0/$metadata#communications/calls('"
                + call.callId()
                + "')/participants");
    assertThat(ids(one)).containsExactly(call.myParticipantId(), member(call, 0));
    String secondLink = one.get("@odata.nextLink").asText();
    assertThat(secondLink)
        .startsWith(emulator.httpsBaseUrl() + participants("v1.0", call) + "?$skiptoken=");

    JsonNode two = json(http.graphGetUrl(secondLink, token));
    assertThat(two.get("@odata.context").asText()).isEqualTo(one.get("@odata.context").asText());
    assertThat(ids(two)).containsExactly(member(call, 1), member(call, 2));
    JsonNode three = json(http.graphGetUrl(two.get("@odata.nextLink").asText(), token));
    assertThat(ids(three)).containsExactly(member(call, 3), member(call, 4));
    assertThat(three.has("@odata.nextLink")).as("the last page links nothing").isFalse();
    assertThat(
            three.get("value").get(1).get("info").get("identity").get("phone").get("id").asText())
        .isEqualTo("+14255550105");

    assertThat(emulator.journal().requests())
        .filteredOn(r -> "graph.getParticipants".equals(r.operation()))
        .extracting(r -> r.status())
        .containsExactly(200, 200, 200);
  }

  @Test
  void aBetaNextLinkStaysOnBetaAndOnThePlainHttpBaseUrl(HandoffEmulator emulator) {
    GraphCall call = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();

    String link =
        json(http.graphGet(participants("beta", call), token)).get("@odata.nextLink").asText();

    assertThat(link)
        .startsWith(emulator.httpBaseUrl() + participants("beta", call) + "?$skiptoken=");
    assertThat(ids(json(http.graphGetUrl(link, token))))
        .containsExactly(member(call, 1), member(call, 2));
    String camelCase = link.replace("$skiptoken=", "$skipToken=");
    assertThat(ids(json(http.graphGetUrl(camelCase, token))))
        .as("query option names are case-insensitive")
        .containsExactly(member(call, 1), member(call, 2));
  }

  @Test
  void aRosterOfExactlyOnePageHasNoNextLink(HandoffEmulator emulator) {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer("http://127.0.0.1:9/nowhere", FIVE[0]));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    JsonNode page = json(http.graphGet(participants("v1.0", call), http.graphToken()));
    assertThat(ids(page)).containsExactly(call.myParticipantId(), member(call, 0));
    assertThat(page.has("@odata.nextLink")).isFalse();
  }

  @Test
  void aTokenIsRefusedByAnyCallButTheOneThatIssuedItAndWhenAlteredOrMadeUp(
      HandoffEmulator emulator) {
    GraphCall issuer = groupCall(emulator, FIVE);
    GraphCall other = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String bearer = http.graphToken();
    String link =
        json(http.graphGet(participants("v1.0", issuer), bearer)).get("@odata.nextLink").asText();
    String token = link.substring(link.indexOf("$skiptoken=") + "$skiptoken=".length());
    String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

    for (String refused :
        List.of(
            participants("v1.0", other) + "?$skiptoken=" + token,
            participants("v1.0", issuer) + "?$skiptoken=" + altered,
            participants("v1.0", issuer) + "?$skiptoken=2",
            participants("v1.0", issuer) + "?$skiptoken=")) {
      HttpResponse<String> response = http.graphGet(refused, bearer);
      assertThat(response.statusCode()).as(refused).isEqualTo(400);
      JsonNode error = json(response).get("error");
      assertThat(error.get("code").asText()).as(refused).isEqualTo("BadRequest");
      assertThat(error.get("message").asText())
          .isEqualTo(
              "The query option '$skiptoken' is not a page token of this call's participants.");
      assertThat(error.get("innerError").get("request-id").asText()).isNotBlank();
    }
    assertThat(ids(json(http.graphGetUrl(link, bearer))))
        .containsExactly(member(issuer, 1), member(issuer, 2));
  }

  @Test
  void aNextPageNeedsTheBearerTokenTheFirstNeeds(HandoffEmulator emulator) {
    GraphCall call = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String link =
        json(http.graphGet(participants("v1.0", call), http.graphToken()))
            .get("@odata.nextLink")
            .asText();

    HttpResponse<String> anonymous = http.graphGetUrl(link, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(json(anonymous).get("error").get("code").asText())
        .isEqualTo("InvalidAuthenticationToken");
    HttpResponse<String> forged = http.graphGetUrl(link, "not-a-jwt");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(json(forged).get("error").get("code").asText())
        .isEqualTo("InvalidAuthenticationToken");
  }
}
