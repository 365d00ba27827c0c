package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.adapter.acs.mapping.AcsRequestMapper;
import dev.handoff.adapter.acs.mapping.WireStyle;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain equivalent of each seed page's sample request reproduces the sample body, JSON-equal.
 *
 * <p>The samples omit {@code rawId}, which the spec makes optional in requests; the adapter sends
 * it by default and leaves it out with {@code rawIdsInRequests(false)}. So the samples are
 * reproduced exactly with that option, and the default body differs from them by exactly the raw
 * ids, nothing else.
 */
class SeedSamplesTest {
  private static final String CALL = "18dea47f-b081-4107-9a5c-4300819d2c6c";
  private static final String TARGET =
      "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_da7be3a9-8788-42a6-85c6-56b2cf784fce";
  private static final String TRANSFEREE =
      "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_ae9e3307-f56e-44be-8934-80a63f080538";
  private static final String REDIRECT_TARGET =
      "8:acs:b9614373-fd0b-480c-8fd2-cb58b70eab9f_0f50d091-5bd3-448b-884d-44be7037d9b9";

  private final SeedSamples transferSeed = SeedSamples.load("acs-transfer-to-participant.txt");
  private final SeedSamples addSeed = SeedSamples.load("acs-add-participant.txt");
  private final SeedSamples redirectSeed = SeedSamples.load("acs-redirect-call.txt");

  private static CallTransfer transfer() {
    return CallTransfer.builder(CALL, AcsUser.of(TARGET))
        .transferee(AcsUser.of(TRANSFEREE))
        .callbackUri(URI.create("https://app.contoso.com/callback"))
        .operationContext("trasferring call")
        .build();
  }

  private static AddParticipant add() {
    return AddParticipant.builder(CALL, AcsUser.of(TRANSFEREE))
        .operationContext("adding participant")
        .sourceCallerId(PhoneNumber.of("+18440123456"))
        .callbackUri(URI.create("https://app.contoso.com/callback"))
        .build();
  }

  private RedirectCall redirect() {
    return RedirectCall.builder(
            "server-call-of-the-incoming-call",
            redirectSeed.requestBody().get("incomingCallContext").asText(),
            List.of(AcsUser.of(REDIRECT_TARGET)))
        .build();
  }

  private static SubmitContext context(CallCommand command) {
    return new SubmitContext(
        OperationId.of("op-1"),
        command.operationContext().orElse("op-1"),
        SubmissionToken.create(Instant.parse("2026-03-20T10:00:00Z")));
  }

  @Test
  void transferSampleIsReproduced() {
    CallTransfer transfer = transfer();
    JsonNode withoutRawIds =
        Json.wire(
            AcsRequestMapper.INSTANCE.transfer(
                transfer, context(transfer).correlation(), new WireStyle(false)));
    JsonNode byDefault =
        Json.wire(
            AcsRequestMapper.INSTANCE.transfer(
                transfer, context(transfer).correlation(), WireStyle.DEFAULT));

    assertThat(withoutRawIds).isEqualTo(transferSeed.requestBody());
    assertThat(byDefault).isNotEqualTo(transferSeed.requestBody());
    assertThat(Json.withoutRawIds(byDefault)).isEqualTo(transferSeed.requestBody());
    assertThat(byDefault.at("/targetParticipant/rawId").asText()).isEqualTo(TARGET);
    assertThat(byDefault.at("/transferee/rawId").asText()).isEqualTo(TRANSFEREE);
  }

  @Test
  void addSampleIsReproduced() {
    AddParticipant add = add();
    JsonNode withoutRawIds =
        Json.wire(
            AcsRequestMapper.INSTANCE.add(add, context(add).correlation(), new WireStyle(false)));
    JsonNode byDefault =
        Json.wire(
            AcsRequestMapper.INSTANCE.add(add, context(add).correlation(), WireStyle.DEFAULT));

    assertThat(withoutRawIds).isEqualTo(addSeed.requestBody());
    assertThat(Json.withoutRawIds(byDefault)).isEqualTo(addSeed.requestBody());
  }

  @Test
  void redirectSampleIsReproduced() {
    JsonNode withoutRawIds =
        Json.wire(AcsRequestMapper.INSTANCE.redirect(redirect(), new WireStyle(false)));

    assertThat(withoutRawIds).isEqualTo(redirectSeed.requestBody());
    assertThat(redirectSeed.responseBody()).isEmpty();
  }

  /** End to end: the bytes on the wire, the URL, and the reading of the sample responses. */
  @Test
  void samplesGoOverTheWireAsPublished() {
    try (FakeAcsServer server = FakeAcsServer.start()) {
      AcsCallControl acs =
          AcsCallControl.builder()
              .connectionString(server.connectionString())
              .options(AcsOptions.builder().rawIdsInRequests(false).build())
              .build();
      server.answer(
          FakeAcsServer.Answer.of(202, transferSeed.responseBody().orElseThrow().toString()),
          FakeAcsServer.Answer.of(202, addSeed.responseBody().orElseThrow().toString()),
          FakeAcsServer.Answer.empty(204));

      SubmitResult transferred = acs.transfer(transfer(), context(transfer()));
      SubmitResult added = acs.addParticipant(add(), context(add()));
      SubmitResult redirected = acs.redirect(redirect(), context(redirect()));

      assertThat(transferred).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(((SubmitResult.Accepted) added).invitationId())
          .contains("7b4244f8-d2ff-46d1-a629-4f9fb5f73d40");
      assertThat(redirected).isInstanceOf(SubmitResult.Completed.class);
      List<FakeAcsServer.Recorded> requests = server.requests();
      SeedSamples[] seeds = {transferSeed, addSeed, redirectSeed};
      for (int i = 0; i < seeds.length; i++) {
        assertThat(requests.get(i).rawPath()).isEqualTo(seeds[i].request().getRawPath());
        assertThat(requests.get(i).rawQuery()).isEqualTo(seeds[i].request().getRawQuery());
        assertThat(Json.tree(requests.get(i).body())).isEqualTo(seeds[i].requestBody());
      }
      assertThat(server.signatureProblems()).isEmpty();
    }
  }
}
