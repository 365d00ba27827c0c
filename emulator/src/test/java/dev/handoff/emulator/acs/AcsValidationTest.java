package dev.handoff.emulator.acs;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad ACS request gets 400 with code 8523 and a message naming the field. */
class AcsValidationTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01));

  private static final String PHONE = "{\"phoneNumber\":{\"value\":\"+14255550123\"}}";

  private static String sipHeaders(int custom) {
    return IntStream.range(0, custom)
        .mapToObj(i -> "\"X-MS-Custom-h" + i + "\":\"v\"")
        .collect(Collectors.joining(",", "{\"User-To-User\":\"a1b2\",", "}"));
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("transfer", "{\"operationContext\":\"x\"}", "'targetParticipant' is required"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":" + PHONE + ",\"callerId\":\"x\"}",
            "'callerId' is not a known field"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":{\"kind\":\"communicationUser\",\"phoneNumber\":{\"value\":\"+1\"}}}",
            "'targetParticipant.kind' is 'communicationUser' but the identifier object is 'phoneNumber'"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":{\"kind\":\"pstn\",\"rawId\":\"4:+1\"}}",
            "'targetParticipant.kind' must be one of"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+1\"},\"communicationUser\":{\"id\":\"8:acs:x\"}}}",
            "exactly one identifier object"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":{\"phoneNumber\":{}}}",
            "'targetParticipant.phoneNumber.value' is required"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":{\"rawId\":\"4:+2\",\"phoneNumber\":{\"value\":\"+1\"}}}",
            "'targetParticipant.rawId' is '4:+2'"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":" + PHONE + ",\"operationCallbackUri\":\"callback\"}",
            "'operationCallbackUri' must be an absolute https URI"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"sipHeaders\":"
                + sipHeaders(6)
                + "}}",
            "'customCallingContext.sipHeaders' has more than 5 custom SIP headers"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"sipHeaders\":{\"Via\":\"x\"}}}",
            "is not a supported SIP header"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"sipHeaders\":{\"X-MS-Custom-a\":\""
                + "v".repeat(257)
                + "\"}}}",
            "has a value longer than 256 characters"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"sipHeaders\":{\"X-MS-Custom-"
                + "k".repeat(60)
                + "\":\"v\"}}}",
            "is longer than 64 characters"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"sipHeaders\":{\"X-MS-Custom-a\":\"white space\"}}}",
            "characters not allowed in a SIP header"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"voipHeaders\":{\"k\":\""
                + "v".repeat(1025)
                + "\"}}}",
            "has a value longer than 1024 characters"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":"
                + PHONE
                + ",\"customCallingContext\":{\"teamsPhoneCallDetails\":{\"callTopic\":\""
                + "t".repeat(49)
                + "\"}}}",
            "'customCallingContext.teamsPhoneCallDetails.callTopic' is longer than 48 characters"),
        Arguments.of(
            "transfer",
            "{\"targetParticipant\":" + PHONE + ",\"customCallingContext\":{\"uui\":\"x\"}}",
            "'customCallingContext.uui' is not a known field"),
        Arguments.of("transfer", "{\"targetParticipant\":", "is not valid JSON"),
        Arguments.of("transfer", "[]", "'$' must be a JSON object"),
        Arguments.of(
            "add",
            "{\"participantToAdd\":" + PHONE + ",\"invitationTimeoutInSeconds\":181}",
            "'invitationTimeoutInSeconds' must be at most 180 but was 181"),
        Arguments.of(
            "add",
            "{\"participantToAdd\":" + PHONE + ",\"invitationTimeoutInSeconds\":\"30\"}",
            "'invitationTimeoutInSeconds' must be an integer"),
        Arguments.of(
            "add",
            "{\"participantToAdd\":" + PHONE + ",\"sourceCallerIdNumber\":{\"value\":1}}",
            "'sourceCallerIdNumber.value' must be a string"),
        Arguments.of("add", "{}", "'participantToAdd' is required"),
        Arguments.of(
            "add",
            "{\"participantToAdd\":" + PHONE + "}",
            "'sourceCallerIdNumber' is required to add a phone number"),
        Arguments.of("cancel", "{}", "'invitationId' is required"),
        Arguments.of("redirect", "{\"incomingCallContext\":\"x\"}", "'target' is required"),
        Arguments.of(
            "redirect",
            "{\"incomingCallContext\":\"x\",\"targets\":[" + PHONE + "],\"target\":" + PHONE + "}",
            "'targets' is not a known field"),
        Arguments.of(
            "redirect",
            "{\"target\":" + PHONE + ",\"operationContext\":\"x\",\"incomingCallContext\":\"x\"}",
            "'operationContext' is not a known field"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badRequests")
  void refusesWith8523NamingTheField(
      String operation, String body, String message, HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne("https://127.0.0.1:9/cb", "4:+14255550100"));
    String id = call.callConnectionId();
    String path =
        switch (operation) {
          case "transfer" -> "/calling/callConnections/" + id + ":transferToParticipant";
          case "add" -> "/calling/callConnections/" + id + "/participants:add";
          case "cancel" -> "/calling/callConnections/" + id + "/participants:cancelAddParticipant";
          default -> "/calling/callConnections:redirect";
        };
    HttpResponse<String> response =
        new EmulatorHttp(emulator, false).acsPost(path + "?api-version=2026-03-12", body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response).get("error");
    assertThat(error.get("code").asText()).isEqualTo("8523");
    assertThat(error.get("message").asText()).contains(message);
    assertThat(emulator.journal().callbacks()).isEmpty();
  }
}
