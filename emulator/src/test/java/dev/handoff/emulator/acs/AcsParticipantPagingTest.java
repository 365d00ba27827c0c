package dev.handoff.emulator.acs;

import static dev.handoff.emulator.support.Conformance.assertConforms;
import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.AcsSigner;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET …/participants} in pages of two: each page exactly, a {@code nextLink} that is an
 * absolute URL on the emulator's base URL, the last page without one, and tokens accepted only by
 * the call that issued them, behind the same authentication as the first page.
 */
class AcsParticipantPagingTest {
  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(17).participantPageSize(2));

  private static final String VERSION = "2026-03-12";
  private static final List<String> FIVE =
      List.of(
          "4:+14255550101",
          "4:+14255550102",
          "8:acs:res_agent3",
          "4:+14255550104",
          "8:acs:res_agent5");
  private static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static String firstPage(String callConnectionId) {
    return "/calling/callConnections/" + callConnectionId + "/participants?api-version=" + VERSION;
  }

  private static AcsCall groupCall(HandoffEmulator emulator, List<String> participants) {
    return emulator
        .control()
        .createAcsCall(
            AcsCallSpec.group(
                receiver.url("/paging-" + UUID.randomUUID()), participants.toArray(String[]::new)));
  }

  private static List<String> rawIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("value").forEach(p -> ids.add(p.get("identifier").get("rawId").asText()));
    return ids;
  }

  @Test
  void fiveParticipantsComeInPagesOfTwoAndTheLastPageHasNoNextLink(HandoffEmulator emulator) {
    AcsCall call = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, true);

    HttpResponse<String> first = http.acsGet(firstPage(call.callConnectionId()));
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode one = json(first);
    assertConforms("GetParticipantsResponse", one);
    assertThat(rawIds(one)).containsExactly(FIVE.get(0), FIVE.get(1));
    String secondLink = one.get("nextLink").asText();
    assertThat(secondLink)
        .startsWith(
            emulator.httpsBaseUrl()
                + "/calling/callConnections/"
                + call.callConnectionId()
                + "/participants?api-version="
                + VERSION
                + "&skipToken=");

    JsonNode two = json(http.acsGetUrl(secondLink));
    assertConforms("GetParticipantsResponse", two);
    assertThat(rawIds(two)).containsExactly(FIVE.get(2), FIVE.get(3));
    JsonNode three = json(http.acsGetUrl(two.get("nextLink").asText()));
    assertConforms("GetParticipantsResponse", three);
    assertThat(rawIds(three)).containsExactly(FIVE.get(4));
    assertThat(three.has("nextLink")).as("the last page links nothing").isFalse();
    assertThat(three.get("value").get(0).get("isOnHold").asBoolean()).isFalse();

    assertThat(emulator.journal().requests())
        .filteredOn(r -> "acs.getParticipants".equals(r.operation()))
        .extracting(r -> r.status())
        .containsExactly(200, 200, 200);
  }

  @Test
  void aNextLinkIsOnTheBaseUrlThePageWasAskedOnWithTheVersionAskedIn(HandoffEmulator emulator) {
    AcsCall call = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String older =
        "/calling/callConnections/"
            + call.callConnectionId()
            + "/participants?api-version=2023-03-06";

    String link = json(http.acsGet(older)).get("nextLink").asText();

    assertThat(link)
        .startsWith(
            emulator.httpBaseUrl()
                + "/calling/callConnections/"
                + call.callConnectionId()
                + "/participants?api-version=2023-03-06&skipToken=");
    assertThat(rawIds(json(http.acsGetUrl(link)))).containsExactly(FIVE.get(2), FIVE.get(3));
  }

  @Test
  void aListOfExactlyOnePageHasNoNextLink(HandoffEmulator emulator) {
    AcsCall call = groupCall(emulator, FIVE.subList(0, 2));
    JsonNode page =
        json(new EmulatorHttp(emulator, false).acsGet(firstPage(call.callConnectionId())));
    assertThat(rawIds(page)).containsExactly(FIVE.get(0), FIVE.get(1));
    assertThat(page.has("nextLink")).isFalse();
  }

  @Test
  void aTokenIsRefusedByAnyCallButTheOneThatIssuedItAndWhenAlteredOrMadeUp(
      HandoffEmulator emulator) {
    AcsCall issuer = groupCall(emulator, FIVE);
    AcsCall other = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String link = json(http.acsGet(firstPage(issuer.callConnectionId()))).get("nextLink").asText();
    String token = link.substring(link.indexOf("skipToken=") + "skipToken=".length());
    String altered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

    for (String refused :
        List.of(
            firstPage(other.callConnectionId()) + "&skipToken=" + token,
            firstPage(issuer.callConnectionId()) + "&skipToken=" + altered,
            firstPage(issuer.callConnectionId()) + "&skipToken=2",
            firstPage(issuer.callConnectionId()) + "&skipToken=")) {
      HttpResponse<String> response = http.acsGet(refused);
      assertThat(response.statusCode()).as(refused).isEqualTo(400);
      assertThat(response.body())
          .as(refused)
          .isEqualTo(
              "{\"error\":{\"code\":\"8523\",\"message\":\"Invalid request: 'skipToken' is not a"
                  + " page token of this call's participant list.\"}}");
      assertConforms("CommunicationErrorResponse", json(response));
    }
    assertThat(rawIds(json(http.acsGetUrl(link)))).containsExactly(FIVE.get(2), FIVE.get(3));
  }

  @Test
  void aNextPageIsAuthenticatedAsTheFirstIs(HandoffEmulator emulator) {
    AcsCall call = groupCall(emulator, FIVE);
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String link = json(http.acsGet(firstPage(call.callConnectionId()))).get("nextLink").asText();

    HttpResponse<String> unsigned =
        http.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(10)).build());
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(json(unsigned).get("error").get("message").asText())
        .isEqualTo("Denied by the emulator: the Authorization header is missing.");

    URI uri = URI.create(link);
    HttpRequest.Builder wrongKey = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    AcsSigner.headers(
            "d3Jvbmcta2V5",
            "GET",
            uri,
            new byte[0],
            uri.getHost() + ":" + uri.getPort(),
            AcsSigner.now())
        .forEach(wrongKey::header);
    HttpResponse<String> forged = http.send(wrongKey.build());
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(json(forged).get("error").get("code").asText()).isEqualTo("7509");
  }

  @Test
  void aRosterThatShrankBehindItsTokenEndsInAnEmptyLastPage(HandoffEmulator emulator) {
    String callback = "/shrink-" + UUID.randomUUID();
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.group(receiver.url(callback), FIVE.toArray(String[]::new)));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    JsonNode two =
        json(
            http.acsGetUrl(
                json(http.acsGet(firstPage(call.callConnectionId()))).get("nextLink").asText()));
    String toTheFifth = two.get("nextLink").asText();

    for (String leaving : List.of(FIVE.get(0), FIVE.get(1))) {
      HttpResponse<String> removed =
          http.acsPost(
              "/calling/callConnections/"
                  + call.callConnectionId()
                  + "/participants:remove?api-version="
                  + VERSION,
              "{\"participantToRemove\":{\"rawId\":\"" + leaving + "\"}}");
      assertThat(removed.statusCode()).isEqualTo(202);
    }
    // Each removal: RemoveParticipantSucceeded, then ParticipantsUpdated.
    receiver.await(callback, 4);

    JsonNode last = json(http.acsGetUrl(toTheFifth));
    assertConforms("GetParticipantsResponse", last);
    assertThat(last.get("value")).isEmpty();
    assertThat(last.has("nextLink")).isFalse();
  }
}
