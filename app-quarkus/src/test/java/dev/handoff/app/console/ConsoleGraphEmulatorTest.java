package dev.handoff.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.Browser;
import dev.handoff.app.testing.EmbeddedGraphEmulatorProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's emulator controls in a real browser while the embedded emulator plays Microsoft
 * Graph: the fault menu names Graph's requests and events, the forms offer only what Graph carries,
 * and faults, transfers, invitations and incoming calls driven from the page take effect.
 */
@QuarkusTest
@TestProfile(EmbeddedGraphEmulatorProfile.class)
class ConsoleGraphEmulatorTest {
  private static final String KEY = "test-key-1";

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
    browser.screenshot("graph-last-" + test.getTestMethod().orElseThrow().getName());
    embedded.running().control().clearScripts();
    embedded.running().control().clearFaults();
    assertThat(browser.scriptErrors()).as("script errors on the page").isEmpty();
  }

  private void openTryIt() {
    browser.driver().get(console.toString());
    browser.script("sessionStorage.clear()");
    browser.driver().navigate().refresh();
    browser.await("the sign-in form", d -> browser.find("#signin").isDisplayed());
    WebElement field = browser.find("#credential");
    field.clear();
    field.sendKeys(KEY);
    browser.find("#signin-submit").click();
    browser.await(
        "the live list",
        d ->
            "true".equals(browser.find("#live-status").getAttribute("data-live"))
                && "true".equals(browser.find("#operation-list").getAttribute("data-ready")));
    browser.find("#tab-try").click();
    browser.await("the Try it forms", d -> browser.find("#transfer-form").isDisplayed());
  }

  private void setValue(String css, String value) {
    WebElement field = browser.find(css);
    field.clear();
    field.sendKeys(value);
  }

  private static List<String> options(String css) {
    return new Select(browser.find(css))
        .getOptions().stream().map(o -> o.getAttribute("value")).collect(Collectors.toList());
  }

  private String newCall(String form) {
    String before = browser.find("#" + form + "-call").getAttribute("value");
    browser.find("#" + form + "-form .new-call").click();
    return browser.await(
        "a new call in the form",
        d -> {
          String now = browser.find("#" + form + "-call").getAttribute("value");
          return now.equals(before) ? null : now;
        });
  }

  /** Submits the form and returns the id of the operation the console then shows. */
  private String submit(String form) {
    String before = browser.find("#operation").getAttribute("data-operation-id");
    browser.find(form + " button[type=submit]").click();
    return browser.await(
        "the submitted operation's view",
        d -> {
          String shown = browser.find("#operation").getAttribute("data-operation-id");
          return shown == null || shown.isEmpty() || shown.equals(before) ? null : shown;
        });
  }

  private String awaitRowState(String operationId, String... states) {
    List<String> wanted = Arrays.asList(states);
    return browser.await(
        "operation " + operationId + " in the list in one of " + wanted,
        d -> {
          List<WebElement> rows =
              browser.findAll("#operation-list tr[data-operation-id='" + operationId + "']");
          String state = rows.isEmpty() ? null : rows.get(0).getAttribute("data-state");
          return wanted.contains(state) ? state : null;
        });
  }

  private void openFaults() {
    browser.find("#faults-card summary").click();
    browser.await("the fault forms", d -> browser.find("#fault-form").isDisplayed());
  }

  private void backToTryIt() {
    browser.find("#tab-try").click();
    browser.await("the Try it forms", d -> browser.find("#transfer-form").isDisplayed());
  }

  @Test
  void theControlsOfferWhatGraphHasAndNothingItWouldRefuse() {
    openTryIt();

    assertThat(browser.find("#try-provider").getText()).contains("Microsoft Graph");
    assertThat(options("#fault-operation"))
        .containsExactly("graph.transfer", "graph.invite", "graph.redirect");
    assertThat(browser.find("#cbfault-event").getAttribute("value"))
        .isEqualTo("call.transferAccepted");
    assertThat(options("#transfer-target-kind")).containsExactly("phoneNumber", "teamsUser");
    assertThat(browser.find("#transfer-uui").isDisplayed()).isFalse();
    new Select(browser.find("#submit-what")).selectByValue("add");
    assertThat(browser.find("#add-participant").isDisplayed()).isTrue();
    assertThat(browser.find("#add-caller-id").isDisplayed()).isFalse();
    assertThat(browser.find("#add-timeout").isDisplayed()).isFalse();
    browser.screenshot("graph-try-it");
  }

  @Test
  void aRequestFaultFromTheMenuFailsTheNextGraphTransfer() {
    openTryIt();
    openFaults();
    new Select(browser.find("#fault-operation")).selectByValue("graph.transfer");
    new Select(browser.find("#fault-type")).selectByValue("error");
    setValue("#fault-status", "403");
    browser.find("#fault-form button[type=submit]").click();
    browser.await(
        "the armed fault", d -> browser.find("#faults").getText().contains("graph.transfer"));
    assertThat(browser.find("#faults").getText()).contains("graph.transfer: error 403");
    assertThat(embedded.running().control().faults().values())
        .singleElement()
        .satisfies(rule -> assertThat(rule.operation()).isEqualTo("graph.transfer"));

    newCall("transfer");
    String failed = submit("#transfer-form");
    assertThat(awaitRowState(failed, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("FAILED");
    assertThat(embedded.running().control().faults()).as("the fault was spent").isEmpty();
  }

  @Test
  void aCallbackFaultFromTheMenuMeetsGraphsEventAndTheTransferStillCompletes() {
    openTryIt();
    openFaults();
    new Select(browser.find("#cbfault-kind")).selectByValue("duplicated");
    browser.find("#callback-fault-form button[type=submit]").click();
    browser.await(
        "the armed callback fault",
        d -> browser.find("#faults").getText().contains("call.transferAccepted: duplicated"));

    newCall("transfer");
    String id = submit("#transfer-form");
    assertThat(awaitRowState(id, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("COMPLETED");
    assertThat(embedded.running().control().callbackFaults())
        .as("Graph's transferAccepted notification met the fault")
        .isEmpty();
  }

  @Test
  void aScriptedBusyTargetAndAnInvitationWork() {
    openTryIt();
    setValue("#outcome-target", "+14255550142");
    new Select(browser.find("#outcome-kind")).selectByValue("busy");
    browser.find("#outcome-form button[type=submit]").click();
    browser.await(
        "the script", d -> browser.find("#scripts").getText().contains("+14255550142 → busy"));
    newCall("transfer");
    setValue("#transfer-target", "+1 425 555 0142");
    String busy = submit("#transfer-form");
    assertThat(awaitRowState(busy, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("FAILED");

    backToTryIt();
    new Select(browser.find("#submit-what")).selectByValue("add");
    newCall("add");
    String invitation = submit("#add-form");
    assertThat(awaitRowState(invitation, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("COMPLETED");
  }

  @Test
  void anIncomingCallAnnouncedFromTheConsoleIsRedirected() {
    openTryIt();
    new Select(browser.find("#submit-what")).selectByValue("redirect");
    browser.find("#incoming-form button[type=submit]").click();
    String call =
        browser.await(
            "the announced call in the redirect form",
            d -> {
              String chosen = browser.find("#redirect-call").getAttribute("value");
              return chosen == null || chosen.isEmpty() ? null : chosen;
            });
    assertThat(embedded.running().control().graphCallState(call)).isPresent();

    String id = submit("#redirect-form");
    assertThat(awaitRowState(id, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("COMPLETED");
  }
}
