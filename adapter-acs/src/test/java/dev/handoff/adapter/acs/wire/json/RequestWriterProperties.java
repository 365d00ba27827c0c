package dev.handoff.adapter.acs.wire.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.AddParticipantRequest;
import dev.handoff.adapter.acs.wire.CancelAddParticipantRequest;
import dev.handoff.adapter.acs.wire.HoldRequest;
import dev.handoff.adapter.acs.wire.PlayRequest;
import dev.handoff.adapter.acs.wire.RedirectCallRequest;
import dev.handoff.adapter.acs.wire.RemoveParticipantRequest;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import dev.handoff.adapter.acs.wire.UnholdRequest;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written bodies are byte for byte what the adapter's Jackson configuration writes for the
 * same record, for every request type the adapter sends, on arbitrary records (see {@link
 * WireArbitraries}): the hand writer can replace Jackson only because of this.
 */
class RequestWriterProperties {

  @Property
  void transferIsWrittenAsJacksonWritesIt(@ForAll("transfers") TransferToParticipantRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void addIsWrittenAsJacksonWritesIt(@ForAll("adds") AddParticipantRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void cancelIsWrittenAsJacksonWritesIt(@ForAll("cancels") CancelAddParticipantRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void redirectIsWrittenAsJacksonWritesIt(@ForAll("redirects") RedirectCallRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void holdIsWrittenAsJacksonWritesIt(@ForAll("holds") HoldRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void unholdIsWrittenAsJacksonWritesIt(@ForAll("unholds") UnholdRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void playIsWrittenAsJacksonWritesIt(@ForAll("plays") PlayRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  @Property
  void removeIsWrittenAsJacksonWritesIt(@ForAll("removes") RemoveParticipantRequest r)
      throws JsonProcessingException {
    assertSameBytes(RequestWriter.write(r), r);
  }

  private static void assertSameBytes(byte[] written, Object record)
      throws JsonProcessingException {
    byte[] jackson = AcsJson.mapper().writeValueAsBytes(record);
    // Compared as text first for a readable difference, then as bytes, which is what is sent.
    assertThat(new String(written, StandardCharsets.ISO_8859_1))
        .isEqualTo(new String(jackson, StandardCharsets.ISO_8859_1));
    assertThat(written).isEqualTo(jackson);
  }

  @Provide
  Arbitrary<TransferToParticipantRequest> transfers() {
    return WireArbitraries.transfer();
  }

  @Provide
  Arbitrary<AddParticipantRequest> adds() {
    return WireArbitraries.add();
  }

  @Provide
  Arbitrary<CancelAddParticipantRequest> cancels() {
    return WireArbitraries.cancel();
  }

  @Provide
  Arbitrary<RedirectCallRequest> redirects() {
    return WireArbitraries.redirect();
  }

  @Provide
  Arbitrary<HoldRequest> holds() {
    return WireArbitraries.hold();
  }

  @Provide
  Arbitrary<UnholdRequest> unholds() {
    return WireArbitraries.unhold();
  }

  @Provide
  Arbitrary<PlayRequest> plays() {
    return WireArbitraries.play();
  }

  @Provide
  Arbitrary<RemoveParticipantRequest> removes() {
    return WireArbitraries.remove();
  }
}
