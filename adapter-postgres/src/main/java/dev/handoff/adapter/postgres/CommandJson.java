package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Commands in the stored document, tagged with their {@link OperationKind}. */
final class CommandJson {
  private static final String BLIND = "BLIND";
  private static final String CONSULTATIVE = "CONSULTATIVE";

  private CommandJson() {}

  static ObjectNode write(CallCommand command) {
    ObjectNode out = Json.object();
    out.put("kind", OperationKind.of(command).name());
    out.put("callId", command.callId());
    command.accept(
        new CallCommand.Visitor<Void>() {
          @Override
          public Void transfer(CallTransfer transfer) {
            writeTransfer(transfer, out);
            return null;
          }

          @Override
          public Void addParticipant(AddParticipant add) {
            writeAdd(add, out);
            return null;
          }

          @Override
          public Void cancelAddParticipant(CancelAddParticipant cancel) {
            out.put("invitationId", cancel.invitationId());
            return null;
          }

          @Override
          public Void redirect(RedirectCall redirect) {
            writeRedirect(redirect, out);
            return null;
          }

          @Override
          public Void warmHandoff(WarmHandoff handoff) {
            HandoffJson.writeHandoff(handoff, out);
            return null;
          }
        });
    Json.putIfPresent(out, "operationContext", command.operationContext());
    Json.putIfPresent(out, "callbackUri", command.callbackUri());
    return out;
  }

  static CallCommand read(Fields in) {
    OperationKind kind = in.enumeration("kind", OperationKind.class);
    return switch (kind) {
      case TRANSFER -> readTransfer(in);
      case ADD_PARTICIPANT -> readAdd(in);
      case CANCEL_ADD_PARTICIPANT ->
          in.make(
              () ->
                  new CancelAddParticipant(
                      in.text("callId"),
                      in.text("invitationId"),
                      in.optionalText("operationContext"),
                      in.optionalUri("callbackUri")));
      case REDIRECT -> readRedirect(in);
      case WARM_HANDOFF -> HandoffJson.readHandoff(in);
    };
  }

  private static void writeTransfer(CallTransfer transfer, ObjectNode out) {
    out.set("target", ParticipantJson.write(transfer.target()));
    transfer
        .transferee()
        .ifPresent(
            transferee -> {
              ObjectNode node = out.putObject("transferee");
              node.set("participant", ParticipantJson.write(transferee.participant()));
              Json.putIfPresent(node, "callParticipantId", transferee.callParticipantId());
            });
    ObjectNode mode = out.putObject("mode");
    if (transfer.mode() instanceof TransferMode.Consultative) {
      mode.put("type", CONSULTATIVE);
      mode.put("replacesCallId", ((TransferMode.Consultative) transfer.mode()).replacesCallId());
    } else if (transfer.mode() instanceof TransferMode.Blind) {
      mode.put("type", BLIND);
    } else {
      throw new IllegalArgumentException(
          "no document form for transfer mode " + transfer.mode().getClass().getName());
    }
    ContextJson.putIfNotEmpty(out, "callingContext", transfer.callingContext());
    Json.putNodeIfPresent(
        out, "sourceCallerId", transfer.sourceCallerId().map(ParticipantJson::write));
  }

  private static CallTransfer readTransfer(Fields in) {
    return in.make(
        () ->
            new CallTransfer(
                in.text("callId"),
                ParticipantJson.read(in.object("target")),
                in.optionalObject("transferee").map(CommandJson::readTransferee),
                readMode(in.object("mode")),
                readContext(in),
                in.optionalText("operationContext"),
                readCallerId(in),
                in.optionalUri("callbackUri")));
  }

  private static Transferee readTransferee(Fields in) {
    return in.make(
        () ->
            new Transferee(
                ParticipantJson.read(in.object("participant")),
                in.optionalText("callParticipantId")));
  }

  private static TransferMode readMode(Fields in) {
    String type = in.text("type");
    if (BLIND.equals(type)) {
      return TransferMode.blind();
    }
    if (CONSULTATIVE.equals(type)) {
      return in.make(() -> TransferMode.consultative(in.text("replacesCallId")));
    }
    throw in.error("type", "must be " + BLIND + " or " + CONSULTATIVE + ", was '" + type + "'");
  }

  private static void writeAdd(AddParticipant add, ObjectNode out) {
    out.set("participant", ParticipantJson.write(add.participant()));
    Json.putIfPresent(out, "invitationTimeout", add.invitationTimeout());
    Json.putNodeIfPresent(out, "sourceCallerId", add.sourceCallerId().map(ParticipantJson::write));
    Json.putIfPresent(out, "sourceDisplayName", add.sourceDisplayName());
    ContextJson.putIfNotEmpty(out, "callingContext", add.callingContext());
  }

  private static AddParticipant readAdd(Fields in) {
    return in.make(
        () ->
            new AddParticipant(
                in.text("callId"),
                ParticipantJson.read(in.object("participant")),
                in.optionalDuration("invitationTimeout"),
                readCallerId(in),
                in.optionalText("sourceDisplayName"),
                readContext(in),
                in.optionalText("operationContext"),
                in.optionalUri("callbackUri")));
  }

  private static void writeRedirect(RedirectCall redirect, ObjectNode out) {
    out.put("incomingCallContext", redirect.incomingCallContext());
    ArrayNode targets = out.putArray("targets");
    redirect.targets().forEach(target -> targets.add(ParticipantJson.write(target)));
    Json.putIfPresent(out, "ringTimeout", redirect.ringTimeout());
  }

  private static RedirectCall readRedirect(Fields in) {
    List<Participant> targets = new ArrayList<>();
    for (Fields target : in.objects("targets")) {
      targets.add(ParticipantJson.read(target));
    }
    return in.make(
        () ->
            new RedirectCall(
                in.text("callId"),
                in.text("incomingCallContext"),
                targets,
                in.optionalDuration("ringTimeout"),
                in.optionalText("operationContext"),
                in.optionalUri("callbackUri")));
  }

  private static CallingContext readContext(Fields in) {
    return in.optionalObject("callingContext").map(ContextJson::read).orElse(CallingContext.EMPTY);
  }

  private static Optional<PhoneNumber> readCallerId(Fields in) {
    Optional<Fields> callerId = in.optionalObject("sourceCallerId");
    if (callerId.isEmpty()) {
      return Optional.empty();
    }
    Participant participant = ParticipantJson.read(callerId.get());
    if (!(participant instanceof PhoneNumber)) {
      throw callerId.get().error("kind", "a caller id must be a PHONE_NUMBER");
    }
    return Optional.of((PhoneNumber) participant);
  }
}
