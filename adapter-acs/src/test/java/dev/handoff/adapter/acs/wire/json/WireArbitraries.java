package dev.handoff.adapter.acs.wire.json;

import dev.handoff.adapter.acs.wire.AddParticipantRequest;
import dev.handoff.adapter.acs.wire.CancelAddParticipantRequest;
import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.adapter.acs.wire.CommunicationUserIdentifierModel;
import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.FileSource;
import dev.handoff.adapter.acs.wire.HoldRequest;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsAppIdentifierModel;
import dev.handoff.adapter.acs.wire.MicrosoftTeamsUserIdentifierModel;
import dev.handoff.adapter.acs.wire.PhoneNumberIdentifierModel;
import dev.handoff.adapter.acs.wire.PlayOptions;
import dev.handoff.adapter.acs.wire.PlayRequest;
import dev.handoff.adapter.acs.wire.PlaySource;
import dev.handoff.adapter.acs.wire.RedirectCallRequest;
import dev.handoff.adapter.acs.wire.RemoveParticipantRequest;
import dev.handoff.adapter.acs.wire.SsmlSource;
import dev.handoff.adapter.acs.wire.TeamsExtensionUserIdentifierModel;
import dev.handoff.adapter.acs.wire.TeamsPhoneCallDetails;
import dev.handoff.adapter.acs.wire.TeamsPhoneCallerDetails;
import dev.handoff.adapter.acs.wire.TeamsPhoneSourceDetails;
import dev.handoff.adapter.acs.wire.TextSource;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.adapter.acs.wire.UnholdRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitrary wire records, not only the ones the mappers make: every optional part absent or
 * present, and strings with whatever JSON must escape or encode.
 */
final class WireArbitraries {
  private static final double ABSENT = 0.3;

  private WireArbitraries() {}

  /**
   * Strings of every kind a writer can get wrong: any UTF-16 unit (lone surrogates included),
   * quotes, backslashes and control characters, U+2028 and U+2029, DEL, non-BMP characters (emoji)
   * as surrogate pairs, Latin-1 and CJK, and the empty string.
   */
  static Arbitrary<String> text() {
    Arbitrary<String> anyUnit = Arbitraries.strings().all().ofMaxLength(12);
    Arbitrary<String> escaped =
        Arbitraries.strings()
            .withChars("\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u2028\u2029aZ0 ")
            .ofMaxLength(12);
    Arbitrary<String> nonBmp =
        Arbitraries.integers()
            .between(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)
            .list()
            .ofMaxSize(4)
            .map(
                points -> {
                  StringBuilder text = new StringBuilder("x");
                  points.forEach(text::appendCodePoint);
                  return text.toString();
                });
    Arbitrary<String> mixed =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars("é߿ࠀ中€\uFFFF\uD83D\uDE00\uD800\uDFFF")
            .ofMaxLength(20);
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("+:-_.").ofMaxLength(24)),
        Tuple.of(2, anyUnit),
        Tuple.of(2, escaped),
        Tuple.of(1, nonBmp),
        Tuple.of(2, mixed),
        Tuple.of(1, Arbitraries.just("")));
  }

  static Arbitrary<String> optionalText() {
    return text().injectNull(ABSENT);
  }

  static Arbitrary<Boolean> optionalFlag() {
    return Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(ABSENT);
  }

  /** Header-like maps: absent, empty or a few entries in insertion order, values possibly null. */
  static Arbitrary<Map<String, String>> optionalHeaders() {
    return Arbitraries.maps(text(), text().injectNull(0.1))
        .ofMaxSize(4)
        .map(LinkedHashMap::new)
        .map(m -> (Map<String, String>) m)
        .injectNull(ABSENT);
  }

  /**
   * An identifier's {@code kind}: any text, or one of the constants the mapper uses (which the
   * writer writes from pre-encoded bytes).
   */
  static Arbitrary<String> optionalKind() {
    return Arbitraries.oneOf(
        optionalText(),
        Arbitraries.of(
            CommunicationIdentifierModel.KIND_UNKNOWN,
            CommunicationIdentifierModel.KIND_COMMUNICATION_USER,
            CommunicationIdentifierModel.KIND_PHONE_NUMBER,
            CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_USER,
            CommunicationIdentifierModel.KIND_MICROSOFT_TEAMS_APP,
            CommunicationIdentifierModel.KIND_TEAMS_EXTENSION_USER));
  }

  /** A Teams identity's {@code cloud}: any text, or one of the clouds' wire names. */
  static Arbitrary<String> optionalCloud() {
    return Arbitraries.oneOf(optionalText(), Arbitraries.of("public", "dod", "gcch"));
  }

  static Arbitrary<PhoneNumberIdentifierModel> phone() {
    return Combinators.combine(optionalText(), optionalFlag(), optionalText())
        .as(PhoneNumberIdentifierModel::new);
  }

  static Arbitrary<CommunicationIdentifierModel> identifier() {
    Arbitrary<CommunicationUserIdentifierModel> acs =
        optionalText().map(CommunicationUserIdentifierModel::new);
    Arbitrary<MicrosoftTeamsUserIdentifierModel> teamsUser =
        Combinators.combine(optionalText(), optionalFlag(), optionalCloud())
            .as(MicrosoftTeamsUserIdentifierModel::new);
    Arbitrary<MicrosoftTeamsAppIdentifierModel> teamsApp =
        Combinators.combine(optionalText(), optionalCloud())
            .as(MicrosoftTeamsAppIdentifierModel::new);
    Arbitrary<TeamsExtensionUserIdentifierModel> extension =
        Combinators.combine(optionalText(), optionalText(), optionalText(), optionalCloud())
            .as(TeamsExtensionUserIdentifierModel::new);
    double sub = 0.7;
    return Combinators.combine(
            optionalKind(),
            optionalText(),
            acs.injectNull(sub),
            phone().injectNull(sub),
            teamsUser.injectNull(sub),
            teamsApp.injectNull(sub),
            extension.injectNull(sub))
        .as(CommunicationIdentifierModel::new);
  }

  static Arbitrary<CommunicationIdentifierModel> optionalIdentifier() {
    return identifier().injectNull(ABSENT);
  }

  static Arbitrary<CustomCallingContext> context() {
    Arbitrary<TeamsPhoneCallerDetails> caller =
        Combinators.combine(
                optionalIdentifier(),
                optionalText(),
                optionalText(),
                optionalText(),
                optionalText(),
                optionalFlag(),
                optionalHeaders())
            .as(TeamsPhoneCallerDetails::new);
    Arbitrary<Map<String, CommunicationIdentifierModel>> targets =
        Arbitraries.maps(text(), identifier().injectNull(0.1))
            .ofMaxSize(3)
            .map(LinkedHashMap::new)
            .map(m -> (Map<String, CommunicationIdentifierModel>) m)
            .injectNull(ABSENT);
    Arbitrary<TeamsPhoneSourceDetails> source =
        Combinators.combine(optionalIdentifier(), optionalText(), optionalText(), targets)
            .as(TeamsPhoneSourceDetails::new);
    Arbitrary<List<String>> texts = optionalText().list().ofSize(7);
    Arbitrary<TeamsPhoneCallDetails> details =
        Combinators.combine(caller.injectNull(ABSENT), source.injectNull(ABSENT), texts)
            .as(
                (c, s, t) ->
                    new TeamsPhoneCallDetails(
                        c, s, t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5),
                        t.get(6)));
    return Combinators.combine(optionalHeaders(), optionalHeaders(), details.injectNull(ABSENT))
        .as(CustomCallingContext::new);
  }

  static Arbitrary<PlaySource> playSource() {
    Arbitrary<TextSource> text =
        Combinators.combine(
                optionalText(), optionalText(), optionalText(), optionalText(), optionalText())
            .as(TextSource::new);
    Arbitrary<SsmlSource> ssml =
        Combinators.combine(optionalText(), optionalText()).as(SsmlSource::new);
    return Combinators.combine(
            optionalText(),
            optionalText(),
            optionalText().map(FileSource::new).injectNull(0.5),
            text.injectNull(0.5),
            ssml.injectNull(0.7))
        .as(PlaySource::new);
  }

  static Arbitrary<TransferToParticipantRequest> transfer() {
    return Combinators.combine(
            optionalIdentifier(),
            optionalText(),
            optionalIdentifier(),
            optionalText(),
            context().injectNull(ABSENT),
            phone().injectNull(ABSENT))
        .as(TransferToParticipantRequest::new);
  }

  static Arbitrary<AddParticipantRequest> add() {
    return Combinators.combine(
            phone().injectNull(ABSENT),
            optionalText(),
            optionalIdentifier(),
            Arbitraries.integers().injectNull(ABSENT),
            optionalText(),
            optionalText(),
            context().injectNull(ABSENT))
        .as(AddParticipantRequest::new);
  }

  static Arbitrary<CancelAddParticipantRequest> cancel() {
    return Combinators.combine(optionalText(), optionalText(), optionalText())
        .as(CancelAddParticipantRequest::new);
  }

  static Arbitrary<RedirectCallRequest> redirect() {
    return Combinators.combine(optionalText(), optionalIdentifier()).as(RedirectCallRequest::new);
  }

  static Arbitrary<HoldRequest> hold() {
    return Combinators.combine(
            optionalIdentifier(), playSource().injectNull(ABSENT), optionalText(), optionalText())
        .as(HoldRequest::new);
  }

  static Arbitrary<UnholdRequest> unhold() {
    return Combinators.combine(optionalIdentifier(), optionalText(), optionalText())
        .as(UnholdRequest::new);
  }

  static Arbitrary<PlayRequest> play() {
    return Combinators.combine(
            playSource().injectNull(0.1).list().ofMaxSize(3).injectNull(ABSENT),
            identifier().injectNull(0.1).list().ofMaxSize(3).injectNull(ABSENT),
            optionalFlag(),
            optionalFlag().map(PlayOptions::new).injectNull(ABSENT),
            optionalText(),
            optionalText())
        .as(PlayRequest::new);
  }

  static Arbitrary<RemoveParticipantRequest> remove() {
    return Combinators.combine(optionalIdentifier(), optionalText(), optionalText())
        .as(RemoveParticipantRequest::new);
  }
}
