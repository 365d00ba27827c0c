package dev.handoff.benchmarks.workload;

import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.context.TeamsPhoneCallDetails;
import dev.handoff.domain.context.TeamsPhoneCallerDetails;
import dev.handoff.domain.context.TeamsPhoneSourceDetails;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs every micro-benchmark shares: the domain commands that are turned into request bodies
 * and the recorded-shape provider payloads that are parsed. Each SDK benchmark builds its own
 * models from the same values, so that both sides do the same work.
 */
public final class Workloads {
  /** The transferor's call. */
  public static final String CALL_ID = "64006580-0abd-4d7b-8f3b-0d933a3cc13d";

  /** The transfer target of the bare transfer: a PSTN number. */
  public static final String TARGET_NUMBER = "+14255550123";

  /** The operation context (correlation) written into ACS requests. */
  public static final String CORRELATION = "xfer-42";

  /** The Entra tenant of the Teams identities. */
  public static final String TENANT = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

  /** The Teams user a Graph transfer goes to. */
  public static final String TEAMS_AGENT = "550fae72-d251-43ec-868c-373732c2704f";

  /** The consultation call a consultative Graph transfer replaces. */
  public static final String CONSULTATION_CALL = "7c1b3a00-2f4e-4d8a-9b6c-0e1f2a3b4c5d";

  /** The transferee's participant id in a Graph group call. */
  public static final String TRANSFEREE_PARTICIPANT = "a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d";

  /** One ACS {@code CallTransferAccepted} callback as ACS posts it: an array of one event. */
  public static final String ACS_TRANSFER_ACCEPTED = resource("acs-transfer-accepted.json");

  /**
   * Five ACS events in one body: transfer accepted, the leg disconnected, a declined transfer with
   * SIP and Q.850 diagnostics, an added participant and the roster update after it.
   */
  public static final String ACS_CALLBACK_BATCH = resource("acs-callback-batch.json");

  /** Events in {@link #ACS_CALLBACK_BATCH}. */
  public static final int ACS_CALLBACK_BATCH_EVENTS = 5;

  /** A Graph blind transfer's notifications: transferring, transferAccepted, terminated 0/7015. */
  public static final String GRAPH_TRANSFER_NOTIFICATIONS =
      resource("graph-transfer-notifications.json");

  /** Notification items in {@link #GRAPH_TRANSFER_NOTIFICATIONS}. */
  public static final int GRAPH_TRANSFER_NOTIFICATION_ITEMS = 3;

  /** A Graph incoming call: one {@code created} notification carrying the full call resource. */
  public static final String GRAPH_INCOMING_CALL = resource("graph-incoming-call.json");

  private Workloads() {}

  /**
   * @return a blind transfer to a phone number and nothing else, the smallest request
   */
  public static CallTransfer bareTransfer() {
    return CallTransfer.builder(CALL_ID, PhoneNumber.of(TARGET_NUMBER))
        .operationContext(CORRELATION)
        .build();
  }

  /**
   * The largest blind transfer ACS takes: a transferee, a caller id, a callback override and the
   * full calling context (User-To-User, five custom SIP headers, VoIP headers and Teams phone call
   * details with caller and source details).
   *
   * @return the transfer
   */
  public static CallTransfer fullContextTransfer() {
    return CallTransfer.builder(CALL_ID, PhoneNumber.of(TARGET_NUMBER))
        .operationContext(CORRELATION)
        .transferee(Transferee.of(PhoneNumber.of("+14255550100")))
        .sourceCallerId(PhoneNumber.of("+18005550100"))
        .callbackUri(URI.create("https://handoff.contoso.com/callbacks/acs"))
        .callingContext(fullCallingContext())
        .build();
  }

  /**
   * @return User-To-User, five {@code X-MS-Custom-} SIP headers, three VoIP headers and Teams phone
   *     call details with every field set
   */
  public static CallingContext fullCallingContext() {
    Map<String, String> callerInformation = new LinkedHashMap<>();
    callerInformation.put("accountTier", "gold");
    callerInformation.put("lastContact", "2026-03-18");
    callerInformation.put("openTickets", "2");
    TeamsPhoneCallerDetails caller =
        new TeamsPhoneCallerDetails(
            PhoneNumber.of("+14255550100"),
            "Dana Caller",
            "+14255550100",
            Optional.of("CRM-000042"),
            Optional.of(URI.create("https://crm.contoso.com/cases/42")),
            Optional.of(Boolean.TRUE),
            callerInformation);
    TeamsPhoneSourceDetails source =
        new TeamsPhoneSourceDetails(
            TeamsApp.resourceAccount("3d913abb-aec0-4964-8fa6-3c6850c4f278"),
            "en-US",
            "billing queue",
            Map.of("tier2", TeamsUser.of(TEAMS_AGENT)));
    TeamsPhoneCallDetails details =
        TeamsPhoneCallDetails.builder()
            .callerDetails(caller)
            .sourceDetails(source)
            .sessionId("5f0c3a8e-1d2b-4c6a-9e7f-8a9b0c1d2e3f")
            .intent("billing")
            .callTopic("Billing question")
            .callContext("Caller disputes the March invoice; verified by PIN.")
            .transcriptUrl(URI.create("https://crm.contoso.com/transcripts/42"))
            .callSentiment("neutral")
            .suggestedActions("Offer a credit note")
            .build();
    return CallingContext.builder()
        .userToUser("a1b2c3d4e5f60718293a4b5c6d7e8f90")
        .msCustomSipHeader("caseId", "42")
        .msCustomSipHeader("queue", "billing")
        .msCustomSipHeader("language", "en-US")
        .msCustomSipHeader("priority", "2")
        .msCustomSipHeader("customerTier", "gold")
        .voipHeader("crmCaseId", "42")
        .voipHeader("ivrPath", "main>billing>agent")
        .voipHeader("authenticated", "pin")
        .teamsPhoneCallDetails(details)
        .build();
  }

  /**
   * @return a blind Graph transfer to a Teams user, the smallest Graph request
   */
  public static CallTransfer bareGraphTransfer() {
    return CallTransfer.builder(CALL_ID, TeamsUser.of(TEAMS_AGENT)).build();
  }

  /**
   * The largest transfer Graph takes. Graph has no place for a calling context (User-To-User, SIP
   * or VoIP headers, Teams phone call details), so its richest transfer is a consultative one to a
   * named Teams user of a tenant, with the transferee named by its participant id.
   *
   * @return the transfer
   */
  public static CallTransfer richGraphTransfer() {
    return CallTransfer.builder(
            CALL_ID, TeamsUser.of(TEAMS_AGENT).withTenantId(TENANT).withDisplayName("Avery Agent"))
        .replacing(CONSULTATION_CALL)
        .transferee(
            Transferee.of(
                TeamsUser.of("c4a3b2d1-0e9f-4a8b-7c6d-5e4f3a2b1c0d").withTenantId(TENANT),
                TRANSFEREE_PARTICIPANT))
        .build();
  }

  private static String resource(String name) {
    try (InputStream in =
        Workloads.class.getResourceAsStream("/dev/handoff/benchmarks/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing benchmark fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read benchmark fixture " + name, e);
    }
  }
}
