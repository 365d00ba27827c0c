package dev.handoff.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageTokensTest {
  private final PageTokens acs = new PageTokens("acs", 7);

  @Test
  void aTokenOpensItsOffsetInTheListThatIssuedIt() {
    String token = acs.issue("call-1", 40);
    assertThat(token).matches("[A-Za-z0-9_-]{22}");
    assertThat(acs.offset("call-1", token)).hasValue(40);
  }

  @Test
  void aTokenMeansNothingToAnotherListAnotherProviderOrAnotherSeed() {
    String token = acs.issue("call-1", 2);
    assertThat(acs.offset("call-2", token)).isEmpty();
    assertThat(new PageTokens("graph", 7).offset("call-1", token)).isEmpty();
    assertThat(new PageTokens("acs", 8).offset("call-1", token)).isEmpty();
  }

  @Test
  void theSameSeedIssuesTheSameTokens() {
    assertThat(new PageTokens("acs", 7).issue("call-1", 2)).isEqualTo(acs.issue("call-1", 2));
    assertThat(acs.issue("call-1", 2)).isNotEqualTo(acs.issue("call-1", 4));
  }

  @Test
  void madeUpOrAlteredTokensAreRefused() {
    String token = acs.issue("call-1", 2);
    // A middle character: all six of its bits are data (the last one's low bits are not).
    char middle = token.charAt(10);
    String altered = token.substring(0, 10) + (middle == 'A' ? 'B' : 'A') + token.substring(11);
    assertThat(acs.offset("call-1", altered)).isEmpty();
    assertThat(acs.offset("call-1", "")).isEmpty();
    assertThat(acs.offset("call-1", "2")).isEmpty();
    assertThat(acs.offset("call-1", "not base64!")).isEmpty();
    assertThat(acs.offset("call-1", token + token)).isEmpty();
  }

  @Test
  void aNegativeOffsetIsNeverIssued() {
    assertThatThrownBy(() -> acs.issue("call-1", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must not be negative but was -1");
  }
}
