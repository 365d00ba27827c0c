package dev.handoff.app.console;

import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.Browser;
import dev.handoff.emulator.control.Outcome;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A warm handoff in the console, in a real browser: its steps drawn in the sequence view, with what
 * the caller and the agents experience in lanes of their own, and its cancel button.
 */
@QuarkusTest
class HandoffConsoleTest {
  private static final String KEY = "test-key-1";
  private static final String ALICE = "+14255550123";
  private static final String BOB = "+14255550124";

  private static Browser browser;

  @TestHTTPResource("/console/")
  URL console;

  @Inject EmbeddedEmulator embedded;

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start(1280, 800);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void leaveNothingBehind(TestInfo test) {
    browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    embedded.running().control().clearScripts();
    assertThat(browser.scriptErrors()).as("script errors on the page").isEmpty();
  }

  private static String newCall() {
    return client().post("/v1/emulator/calls").then().statusCode(201).extract().path("callId");
  }

  /** Starts a handoff to the targets, each ringing at most the longest time a target may ring. */
  private static String handoff(String call, String... targets) {
    String list =
        List.of(targets).stream()
            .map(
                t ->
                    "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\""
                        + t
                        + "\"},\"ringTimeoutSeconds\":180}")
            .collect(Collectors.joining(","));
    return client()
        .body(
            "{\"targets\":[" + list + "],\"briefing\":{\"text\":\"Caller asks about an invoice\"}}")
        .post("/v1/calls/{call}/handoffs", call)
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  /** Opens the operation in the console, signed in, and waits until it shows one of the states. */
  private void open(String operation, String... states) {
    browser.driver().get(console.toString() + "#/operations/" + operation);
    browser.script("sessionStorage.clear()");
    browser.driver().navigate().refresh();
    browser.await("the sign-in form", d -> browser.find("#signin").isDisplayed());
    WebElement field = browser.find("#credential");
    field.clear();
    field.sendKeys(KEY);
    browser.find("#signin-submit").click();
    List<String> wanted = List.of(states);
    browser.await(
        "the operation in " + wanted,
        d -> {
          String state = browser.find("#operation").getAttribute("data-state");
          return state != null && wanted.contains(state);
        });
  }

  private static List<String> texts(String css) {
    return browser.findAll(css).stream().map(WebElement::getText).collect(Collectors.toList());
  }

  @Test
  void aBusyFirstAgentThenASecondWhoAnswersAreDrawnStepByStep() {
    embedded.running().control().script(ALICE, Outcome.busy());
    String call = newCall();
    String id = handoff(call, ALICE, BOB);
    open(id, "COMPLETED");

    // Five lanes: the caller and the agents beside the application, Handoff and the provider.
    assertThat(texts("#sequence .lane-name"))
        .containsExactly("Application", "Handoff", "ACS Call Automation", "Caller", "Agents");
    assertThat(browser.find("#operation-title").getText()).containsIgnoringCase("warm handoff");

    // One arrow per step sent, in order, each naming the step it is.
    List<String> requests = texts("#sequence g[data-role='provider-request']");
    assertThat(requests)
        .anySatisfy(r -> assertThat(r).contains("hold the caller"))
        .anySatisfy(r -> assertThat(r).contains("invite " + ALICE))
        .anySatisfy(r -> assertThat(r).contains("invite " + BOB))
        .anySatisfy(r -> assertThat(r).contains("brief " + BOB))
        .anySatisfy(r -> assertThat(r).contains("the bot leaves"));
    assertThat(requests).noneSatisfy(r -> assertThat(r).contains("brief " + ALICE));
    assertThat(
            browser
                .find("#sequence g[data-role='provider-request']")
                .getAttribute("data-handoff-step"))
        .isEqualTo("1");

    // The caller's and the agents' side: hold audio, Alice busy, Bob answers and alone hears the
    // briefing, then the caller is with Bob.
    assertThat(texts("#sequence g[data-role='caller-hears']"))
        .singleElement()
        .asString()
        .contains("hold audio");
    assertThat(texts("#sequence g[data-role='agent-reply']"))
        .satisfiesExactly(
            t -> assertThat(t).startsWith(ALICE + ": busy"),
            t -> assertThat(t).startsWith(BOB + " answers"));
    assertThat(texts("#sequence g[data-role='agent-hears']"))
        .singleElement()
        .asString()
        .contains(BOB + " alone hears the briefing");
    assertThat(texts("#sequence g[data-role='caller-connected']"))
        .singleElement()
        .asString()
        .contains("with " + BOB);
    assertThat(texts("#sequence g[data-role='callback']"))
        .anySatisfy(c -> assertThat(c).contains("AddParticipantFailed"))
        .anySatisfy(c -> assertThat(c).contains("AddParticipantSucceeded"))
        .anySatisfy(c -> assertThat(c).contains("PlayCompleted"));
    assertThat(browser.find("#sequence g[data-role='api-event']").getText()).contains("COMPLETED");
    assertThat(texts("#handoff-targets li"))
        .satisfiesExactly(
            t -> assertThat(t).startsWith(ALICE + " — not reached: busy"),
            t -> assertThat(t).startsWith(BOB + " — connected"));
    assertThat(browser.findAll("#cancel-handoff")).isEmpty();
    assertThat(browser.find("#curl").getText()).contains("/handoffs").contains("\"targets\"");

    // Every row opens the timeline entry it shows (Enter, as the keyboard does).
    WebElement brief =
        browser.findAll("#sequence g[data-role='provider-request']").stream()
            .filter(r -> r.getText().contains("brief"))
            .findFirst()
            .orElseThrow();
    brief.sendKeys(Keys.ENTER);
    WebElement entry =
        browser.await(
            "the briefing's timeline entry",
            d -> {
              WebElement details = browser.find("#step-" + brief.getAttribute("data-step"));
              return details.getAttribute("open") != null ? details : null;
            });
    assertThat(entry.findElement(By.tagName("pre")).getText())
        .contains("\"kind\": \"BRIEF\"")
        .contains("\"action\": \"play\"");
    browser.screenshot("handoff-busy-then-answered");
  }

  @Test
  void aHandoffUnderWayCanBeCancelledFromTheConsoleAndTheCallerIsBackWithTheBot() {
    embedded.running().control().script(ALICE, Outcome.noAnswer());
    String call = newCall();
    String id = handoff(call, ALICE);
    open(id, "IN_PROGRESS");
    browser.await(
        "the agent ringing",
        d -> !browser.findAll("#sequence g[data-role='agent-rings']").isEmpty());
    assertThat(browser.find("#sequence g[data-role='agent-rings']").getText())
        .contains("rings " + ALICE);

    browser.find("#cancel-handoff").click();
    browser.await(
        "the handoff CANCELLED",
        d -> "CANCELLED".equals(browser.find("#operation").getAttribute("data-state")));
    assertThat(texts("#sequence g[data-role='provider-request']"))
        .anySatisfy(r -> assertThat(r).contains("withdraw the invitation to " + ALICE))
        .anySatisfy(r -> assertThat(r).contains("caller off hold, back to the bot"));
    browser.await(
        "the caller back with the bot",
        d ->
            texts("#sequence g[data-role='caller-connected']").stream()
                .anyMatch(t -> t.contains("back with the bot")));
    assertThat(browser.find("#sequence g[data-role='api-event']").getText()).contains("CANCELLED");
    assertThat(browser.find("#outcome").getText())
        .contains("the handoff was cancelled by the client")
        .doesNotContain("null");
    assertThat(browser.find("#handoff-targets li").getAttribute("data-outcome"))
        .isEqualTo("FAILED");
    assertThat(browser.findAll("#cancel-handoff")).isEmpty();
    browser.screenshot("handoff-cancelled");
  }
}
