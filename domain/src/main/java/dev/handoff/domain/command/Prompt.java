package dev.handoff.domain.command;

import dev.handoff.domain.Violations;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Audio a party hears: text spoken by the provider's text-to-speech, or an audio file it fetches.
 * Used as the caller's hold audio and as the agent's briefing.
 */
public sealed interface Prompt permits Prompt.Speech, Prompt.Audio {

  /** Longest text to speak. */
  int MAX_TEXT_LENGTH = 4_000;

  /** Longest audio file URI. */
  int MAX_URI_LENGTH = 2_048;

  /**
   * @param text what to say
   * @return speech in the provider's default voice and locale
   */
  static Prompt speech(String text) {
    return new Speech(text, Optional.empty(), Optional.empty());
  }

  /**
   * @param uri where the audio file is
   * @return an audio file prompt
   */
  static Prompt audio(URI uri) {
    return new Audio(uri);
  }

  /**
   * Text the provider speaks.
   *
   * @param text what to say, at most {@value Prompt#MAX_TEXT_LENGTH} characters
   * @param locale the language of the text as a BCP 47 tag, e.g. {@code en-US}
   * @param voice the provider's name of the voice, e.g. {@code en-US-JennyNeural}
   */
  record Speech(String text, Optional<String> locale, Optional<String> voice) implements Prompt {
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    /** Validates the speech. */
    public Speech {
      Violations v = Violations.of("Speech");
      locale = locale == null ? Optional.empty() : locale;
      voice = voice == null ? Optional.empty() : voice;
      v.text("text", text, MAX_TEXT_LENGTH);
      locale.ifPresent(
          tag ->
              v.check(
                  LOCALE.matcher(tag).matches(),
                  "locale",
                  "must be a language tag such as en-US",
                  tag));
      v.optionalText("voice", voice, 128);
      v.throwIfAny();
    }
  }

  /**
   * An audio file the provider fetches and plays.
   *
   * @param uri where the file is: an absolute http or https URI
   */
  record Audio(URI uri) implements Prompt {
    /** Validates the URI. */
    public Audio {
      Violations v = Violations.of("Audio");
      if (v.callbackUri("uri", uri)) {
        v.check(
            uri.toString().length() <= MAX_URI_LENGTH,
            "uri",
            "must be at most " + MAX_URI_LENGTH + " characters",
            uri.toString().length() + " characters");
      }
      v.throwIfAny();
    }
  }
}
