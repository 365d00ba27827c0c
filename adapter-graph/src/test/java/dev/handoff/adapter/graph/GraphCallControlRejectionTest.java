package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything Graph cannot carry is refused before anything is sent, naming what and where. */
class GraphCallControlRejectionTest {
  private final LocalServer graph = LocalServer.start().reply(Reply.status(202));

  @AfterEach
  void stop() {
    graph.close();
  }

  static Stream<Arguments> uncarriable() {
    TeamsUser user = TeamsUser.of("u-1");
    return Stream.of(
        Arguments.of(
            CallTransfer.builder("call-1", user)
                .callingContext(
                    new CallingContext(
                        Optional.of("a1b2"),
                        Map.of("X-MS-Custom-case", "7"),
                        Map.of("k", "v"),
                        Optional.empty()))
                .build(),
            List.of(
                "callingContext.userToUser",
                "callingContext.sipHeaders",
                "callingContext.voipHeaders")),
        Arguments.of(
            CallTransfer.builder("call-1", user)
                .sourceCallerId(PhoneNumber.of("+14255550100"))
                .build(),
            List.of("sourceCallerId")),
        Arguments.of(
            CallTransfer.builder("call-1", user)
                .callbackUri(URI.create("https://bot.example/cb"))
                .build(),
            List.of("callbackUri")),
        Arguments.of(
            CallTransfer.builder("call-1", AcsUser.of("8:acs:res_user")).build(),
            List.of("target")),
        Arguments.of(
            CallTransfer.builder("call-1", TeamsExtensionUser.of("user", "tenant", "res")).build(),
            List.of("target")),
        Arguments.of(
            CallTransfer.builder("call-1", new RawParticipant("99:something")).build(),
            List.of("target")),
        Arguments.of(
            CallTransfer.builder("call-1", TeamsUser.anonymousVisitor("visitor-1")).build(),
            List.of("target")),
        Arguments.of(
            CallTransfer.builder("call-1", TeamsUser.of("u-1").withCloud(Cloud.GCCH)).build(),
            List.of("target.cloud")),
        Arguments.of(
            CallTransfer.builder("call-1", TeamsApp.bot("app-1").withCloud(Cloud.DOD)).build(),
            List.of("target.cloud")),
        Arguments.of(
            CallTransfer.builder("call-1", TeamsApp.bot("app-1").withTenantId("t-1")).build(),
            List.of("target.tenantId")),
        Arguments.of(
            CallTransfer.builder("call-1", PhoneNumber.of("+14255550100").withAssertedId("a1"))
                .build(),
            List.of("target.assertedId")),
        Arguments.of(
            CallTransfer.builder("call-1", user)
                .transferee(Transferee.of(AcsUser.of("8:acs:res_user2"), "p-1"))
                .build(),
            List.of("transferee.participant")),
        Arguments.of(
            AddParticipant.builder("call-1", user)
                .invitationTimeout(Duration.ofSeconds(30))
                .build(),
            List.of("invitationTimeout")),
        Arguments.of(
            AddParticipant.builder("call-1", PhoneNumber.of("+14255550100"))
                .sourceCallerId(PhoneNumber.of("+14255550199"))
                .sourceDisplayName("Help desk")
                .build(),
            List.of("sourceCallerId", "sourceDisplayName")),
        Arguments.of(
            AddParticipant.builder("call-1", user)
                .callbackUri(URI.create("https://bot.example/cb"))
                .build(),
            List.of("callbackUri")),
        Arguments.of(CancelAddParticipant.of("call-1", "op-1"), List.of("CancelAddParticipant")),
        Arguments.of(
            RedirectCall.builder("call-1", "call-1", List.of(user))
                .ringTimeout(Duration.ofSeconds(10))
                .build(),
            List.of("ringTimeout")),
        Arguments.of(
            RedirectCall.builder("call-1", "call-1", List.of(user))
                .ringTimeout(Duration.ofSeconds(91))
                .build(),
            List.of("ringTimeout")),
        Arguments.of(
            RedirectCall.builder(
                    "call-1",
                    "call-1",
                    IntStream.range(0, 26)
                        .mapToObj(i -> (Participant) TeamsUser.of("u-" + i))
                        .collect(Collectors.toList()))
                .build(),
            List.of("targets")),
        Arguments.of(
            RedirectCall.builder("call-1", "some-other-context", List.of(user)).build(),
            List.of("incomingCallContext")),
        Arguments.of(
            RedirectCall.builder("call-1", "call-1", List.of(user))
                .callbackUri(URI.create("http://bot.example/cb"))
                .build(),
            List.of("callbackUri")));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("uncarriable")
  void refusedBeforeSendingNamingEveryPath(CallCommand command, List<String> paths) {
    GraphCallControl control = Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0);

    assertThatThrownBy(() -> control.submit(command, Fixtures.context("c")))
        .isInstanceOfSatisfying(
            UnsupportedByProviderException.class,
            e -> {
              assertThat(e.provider()).isEqualTo(GraphProvider.ID);
              assertThat(e.violations()).extracting(CapabilityViolation::path).containsAll(paths);
            });
    assertThat(control.check(command)).extracting(CapabilityViolation::path).containsAll(paths);
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void twentyFiveRedirectTargetsAnd15And90SecondsAreAccepted() {
    GraphCallControl control = Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0);
    List<Participant> targets = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      targets.add(TeamsUser.of("u-" + i));
    }
    for (int seconds : new int[] {15, 90}) {
      RedirectCall redirect =
          RedirectCall.builder("call-1", "call-1", targets)
              .ringTimeout(Duration.ofSeconds(seconds))
              .callbackUri(URI.create("http://127.0.0.1:8080/cb"))
              .build();
      assertThat(control.check(redirect)).isEmpty();
      control.redirect(redirect, Fixtures.context("c"));
    }
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void teamsIdentitiesOfTheConfiguredCloudAreAccepted() {
    GraphCallControl gcch =
        GraphCallControl.builder()
            .tokenSupplier(() -> "t")
            .cloud(Cloud.GCCH)
            .baseUrl(graph.baseUrl())
            .options(Fixtures.fastOptions().build())
            .build();
    CallTransfer inGcch =
        CallTransfer.builder("call-1", TeamsUser.of("u-1").withCloud(Cloud.GCCH)).build();
    CallTransfer inPublic = CallTransfer.builder("call-1", TeamsUser.of("u-1")).build();

    assertThat(gcch.check(inGcch)).isEmpty();
    assertThat(gcch.check(inPublic))
        .extracting(CapabilityViolation::path)
        .containsExactly("target.cloud");
  }

  @Test
  void builderRequiresExactlyOneWayToAuthenticate() {
    assertThatThrownBy(() -> GraphCallControl.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set exactly one of clientCredentials(...) and tokenSupplier(...)");
    assertThatThrownBy(
            () ->
                GraphCallControl.builder()
                    .clientCredentials("tenant", "client", "secret")
                    .tokenSupplier(() -> "t")
                    .build())
        .hasMessageContaining("set exactly one of");
    assertThatThrownBy(
            () ->
                GraphCallControl.builder()
                    .tokenSupplier(() -> "t")
                    .tokenEndpoint(URI.create("https://login.example/token"))
                    .build())
        .hasMessageContaining("tokenEndpoint and authorityHost apply only to clientCredentials");
  }

  @Test
  void plainHttpIsAllowedOnlyForLoopbackHosts() {
    for (String loopback :
        new String[] {
          "http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1", "http://127.1.2.3"
        }) {
      assertThat(
              GraphCallControl.builder()
                  .tokenSupplier(() -> "t")
                  .baseUrl(URI.create(loopback))
                  .build()
                  .callsUrl())
          .hasToString(loopback + "/v1.0/communications/calls");
    }
    assertThatThrownBy(
            () ->
                GraphCallControl.builder()
                    .tokenSupplier(() -> "t")
                    .baseUrl(URI.create("http://graph.example"))
                    .build())
        .hasMessageContaining(
            "baseUrl must use https; plain http is allowed only for a loopback host");
    assertThatThrownBy(
            () ->
                GraphCallControl.builder()
                    .tokenSupplier(() -> "t")
                    .baseUrl(URI.create("http://127.0.0.1.evil.example"))
                    .build())
        .hasMessageContaining("baseUrl must use https");
    assertThatThrownBy(
            () ->
                GraphCallControl.builder()
                    .clientCredentials("tenant", "client", "secret")
                    .tokenEndpoint(URI.create("http://login.example/token"))
                    .build())
        .hasMessageContaining("tokenEndpoint must use https");
  }

  @Test
  void defaultsAreThePublicCloudAndV1() {
    GraphCallControl control =
        GraphCallControl.builder()
            .clientCredentials("contoso.onmicrosoft.com", "client", "secret")
            .build();
    assertThat(control.callsUrl())
        .hasToString("https://graph.microsoft.com/v1.0/communications/calls");
    assertThat(
            GraphCallControl.builder().tokenSupplier(() -> "t").cloud(Cloud.DOD).build().callsUrl())
        .hasToString("https://dod-graph.microsoft.us/v1.0/communications/calls");
    assertThat(
            GraphCallControl.builder()
                .tokenSupplier(() -> "t")
                .cloud(Cloud.GCCH)
                .build()
                .callsUrl())
        .hasToString("https://graph.microsoft.us/v1.0/communications/calls");
    assertThat(
            GraphCallControl.builder()
                .tokenSupplier(() -> "t")
                .apiVersion(GraphApiVersion.BETA)
                .build()
                .callsUrl())
        .hasToString("https://graph.microsoft.com/beta/communications/calls");
  }

  @Test
  void betaIsRefusedOutsideThePublicCloud() {
    assertThatThrownBy(
            () ->
                GraphCallControl.builder()
                    .tokenSupplier(() -> "t")
                    .apiVersion(GraphApiVersion.BETA)
                    .cloud(Cloud.GCCH)
                    .build())
        .hasMessageContaining(
            "apiVersion beta serves cloud communications in the public cloud only, not gcch");
  }
}
