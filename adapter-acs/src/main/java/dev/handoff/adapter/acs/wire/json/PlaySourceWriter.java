package dev.handoff.adapter.acs.wire.json;

import dev.handoff.adapter.acs.wire.FileSource;
import dev.handoff.adapter.acs.wire.PlayOptions;
import dev.handoff.adapter.acs.wire.PlaySource;
import dev.handoff.adapter.acs.wire.SsmlSource;
import dev.handoff.adapter.acs.wire.TextSource;

/** Writes {@code PlaySource}, its sub-objects and {@code PlayOptions}, members in record order. */
final class PlaySourceWriter {
  private static final byte[] KIND = JsonWriter.encodeName("kind");
  private static final byte[] PLAY_SOURCE_CACHE_ID = JsonWriter.encodeName("playSourceCacheId");
  private static final byte[] FILE = JsonWriter.encodeName("file");
  private static final byte[] TEXT = JsonWriter.encodeName("text");
  private static final byte[] SSML = JsonWriter.encodeName("ssml");
  private static final byte[] URI = JsonWriter.encodeName("uri");
  private static final byte[] SOURCE_LOCALE = JsonWriter.encodeName("sourceLocale");
  private static final byte[] VOICE_KIND = JsonWriter.encodeName("voiceKind");
  private static final byte[] VOICE_NAME = JsonWriter.encodeName("voiceName");
  private static final byte[] CUSTOM_VOICE_ENDPOINT_ID =
      JsonWriter.encodeName("customVoiceEndpointId");
  private static final byte[] SSML_TEXT = JsonWriter.encodeName("ssmlText");
  private static final byte[] LOOP = JsonWriter.encodeName("loop");

  private PlaySourceWriter() {}

  /**
   * @param json the writer
   * @param name the member's name
   * @param source its value; the member is left out when null
   */
  static void playSource(JsonWriter json, byte[] name, PlaySource source) {
    if (source != null) {
      json.name(name);
      playSource(json, source);
    }
  }

  /** The value alone, as an element of a list. */
  static void playSource(JsonWriter json, PlaySource source) {
    json.beginObject();
    json.member(KIND, source.kind());
    json.member(PLAY_SOURCE_CACHE_ID, source.playSourceCacheId());
    file(json, FILE, source.file());
    text(json, TEXT, source.text());
    ssml(json, SSML, source.ssml());
    json.endObject();
  }

  /**
   * @param json the writer
   * @param name the member's name
   * @param options its value; the member is left out when null
   */
  static void playOptions(JsonWriter json, byte[] name, PlayOptions options) {
    if (options == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(LOOP, options.loop());
    json.endObject();
  }

  private static void file(JsonWriter json, byte[] name, FileSource file) {
    if (file == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(URI, file.uri());
    json.endObject();
  }

  private static void text(JsonWriter json, byte[] name, TextSource text) {
    if (text == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(TEXT, text.text());
    json.member(SOURCE_LOCALE, text.sourceLocale());
    json.member(VOICE_KIND, text.voiceKind());
    json.member(VOICE_NAME, text.voiceName());
    json.member(CUSTOM_VOICE_ENDPOINT_ID, text.customVoiceEndpointId());
    json.endObject();
  }

  private static void ssml(JsonWriter json, byte[] name, SsmlSource ssml) {
    if (ssml == null) {
      return;
    }
    json.name(name);
    json.beginObject();
    json.member(SSML_TEXT, ssml.ssmlText());
    json.member(CUSTOM_VOICE_ENDPOINT_ID, ssml.customVoiceEndpointId());
    json.endObject();
  }
}
