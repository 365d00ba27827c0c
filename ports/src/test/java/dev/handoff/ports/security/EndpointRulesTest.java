package dev.handoff.ports.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointRulesTest {
  @Test
  void httpsIsAlwaysAllowedAndPlainHttpOnlyToALoopbackHost() {
    for (String allowed :
        new String[] {
          "https://graph.microsoft.com",
          "http://127.0.0.1:8089",
          "http://127.9.8.7/x",
          "http://localhost:1",
          "http://[::1]:1",
          "http://[0:0:0:0:0:0:0:1]:1"
        }) {
      assertThat(EndpointRules.problem(URI.create(allowed))).as(allowed).isEmpty();
    }
    for (String refused :
        new String[] {
          "http://graph.example", "http://128.0.0.1", "http://127.0.0.1.example.com", "ftp://h"
        }) {
      assertThat(EndpointRules.problem(URI.create(refused)))
          .as(refused)
          .contains(EndpointRules.RULE);
    }
  }

  @Test
  void aUrlWithoutHostOrWithUserInfoIsRefusedSayingWhy() {
    assertThat(EndpointRules.problem(null)).contains("is required");
    assertThat(EndpointRules.problem(URI.create("/relative")))
        .contains("must be an absolute URL with a host");
    assertThat(EndpointRules.problem(URI.create("https://user:pw@host")))
        .contains("must not carry user info");
  }
}
