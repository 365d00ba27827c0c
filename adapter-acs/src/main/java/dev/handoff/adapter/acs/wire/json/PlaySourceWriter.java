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

  static void playSource(JsonWriter json, PlaySource source) {
    json.beginObject();
    json.member(KIND, source.kind());
    json.member(PLAY_SOURCE_CACHE_ID, source.playSourceCacheId());
    json.member(FILE, source.file(), PlaySourceWriter::file);
    json.member(TEXT, source.text(), PlaySourceWriter::text);
    json.member(SSML, source.ssml(), PlaySourceWriter::ssml);
    json.endObject();
  }

  static void playOptions(JsonWriter json, PlayOptions options) {
    json.beginObject();
    json.member(LOOP, options.loop());
    json.endObject();
  }

  private static void file(JsonWriter json, FileSource file) {
    json.beginObject();
    json.member(URI, file.uri());
    json.endObject();
  }

  private static void text(JsonWriter json, TextSource text) {
    json.beginObject();
    json.member(TEXT, text.text());
    json.member(SOURCE_LOCALE, text.sourceLocale());
    json.member(VOICE_KIND, text.voiceKind());
    json.member(VOICE_NAME, text.voiceName());
    json.member(CUSTOM_VOICE_ENDPOINT_ID, text.customVoiceEndpointId());
    json.endObject();
  }

  private static void ssml(JsonWriter json, SsmlSource ssml) {
    json.beginObject();
    json.member(SSML_TEXT, ssml.ssmlText());
    json.member(CUSTOM_VOICE_ENDPOINT_ID, ssml.customVoiceEndpointId());
    json.endObject();
  }
}
