package dev.handoff.app.console;

import static dev.handoff.app.testing.Api.client;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.testing.Browser;
import dev.handoff.emulator.control.Outcome;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser, against the service as tests run it: API keys required, the
 * embedded emulator as the provider. Every wait is for a condition on the page; nothing sleeps.
 */
@QuarkusTest
class ConsoleTest {
  private static final String KEY = "test-key-1";
  private static final String CREDENTIAL_STORE = "handoff.console.credential";

  private static Browser browser;

  @TestHTTPResource("/console/")
  URL console;

  @TestHTTPResource("/console")
  URL consoleWithoutSlash;

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
    browser.viewport(1280, 800);
    embedded.running().control().clearScripts();
    assertThat(browser.scriptErrors()).as("script errors on the page").isEmpty();
  }

  /** Opens the console in a tab that has no credential yet. */
  private void openSignedOut() {
    browser.driver().get(console.toString());
    browser.script("sessionStorage.clear()");
    browser.driver().navigate().refresh();
  }

  private void signIn(String key) {
    WebElement field = browser.find("#credential");
    field.clear();
    field.sendKeys(key);
    browser.find("#signin-submit").click();
  }

  /** Opens the console signed in, and waits until the list is read and follows every change. */
  private void openSignedIn() {
    openSignedOut();
    browser.await("the sign-in form", d -> browser.find("#signin").isDisplayed());
    signIn(KEY);
    browser.await(
        "the live list",
        d ->
            "true".equals(browser.find("#live-status").getAttribute("data-live"))
                && "true".equals(browser.find("#operation-list").getAttribute("data-ready")));
  }

  private void openTryIt() {
    browser.find("#tab-try").click();
    browser.await("the Try it forms", d -> browser.find("#transfer-form").isDisplayed());
  }

  /** Makes a new call in the emulator from the form, so that the transfer has a call of its own. */
  private String newCall() {
    String before = browser.find("#transfer-call").getAttribute("value");
    browser.find("#transfer-form .new-call").click();
    return browser.await(
        "a new call in the form",
        d -> {
          String now = browser.find("#transfer-call").getAttribute("value");
          return now.equals(before) ? null : now;
        });
  }

  private void setValue(String css, String value) {
    WebElement field = browser.find(css);
    field.clear();
    field.sendKeys(value);
  }

  /** Submits the transfer form and returns the id of the operation the console then shows. */
  private String submitTransfer() {
    browser.find("#transfer-form button[type=submit]").click();
    return browser.await(
        "the submitted operation's view",
        d -> {
          String shown = browser.find("#operation").getAttribute("data-operation-id");
          return shown == null || shown.isEmpty() ? null : shown;
        });
  }

  private WebElement row(String operationId) {
    return browser.find("#operation-list tr[data-operation-id='" + operationId + "']");
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

  @Test
  void withAuthenticationOnItAsksForACredentialRefusesAWrongOneAndShowsDataForTheRightOne() {
    String existing =
        client()
            .body("{}")
            .post("/v1/emulator/calls")
            .then()
            .statusCode(201)
            .extract()
            .<String>path("callId");
    String operation =
        client()
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", existing)
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    // The page holds no data, so it is served without a credential; /console leads to it.
    given().redirects().follow(false).get(consoleWithoutSlash).then().statusCode(302);
    given().get(console).then().statusCode(200);

    openSignedOut();
    browser.await("the sign-in form", d -> browser.find("#signin").isDisplayed());
    assertThat(browser.find("#app").isDisplayed()).isFalse();
    assertThat(browser.findAll("#operation-list tbody tr")).isEmpty();
    browser.screenshot("sign-in");

    signIn("not-the-key");
    WebElement error =
        browser.await(
            "the refusal",
            d ->
                browser.find("#credential-error").isDisplayed()
                    ? browser.find("#credential-error")
                    : null);
    assertThat(error.getText()).contains("refused").contains("401");
    assertThat(browser.find("#credential").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.script("return sessionStorage.getItem(arguments[0])", CREDENTIAL_STORE))
        .isNull();
    assertThat(browser.find("#app").isDisplayed()).isFalse();
    browser.screenshot("sign-in-refused");

    signIn(KEY);
    awaitRowState(operation, "COMPLETED", "FAILED", "SUBMITTED", "REQUESTED");
    assertThat(browser.find("#signin").isDisplayed()).isFalse();
    assertThat(browser.find("#sign-out").isDisplayed()).isTrue();
    assertThat(
            (String)
                browser.script("return sessionStorage.getItem(arguments[0])", CREDENTIAL_STORE))
        .contains("\"kind\":\"api-key\"");

    // The credential lasts for the tab's session: a reload does not ask again.
    browser.driver().navigate().refresh();
    awaitRowState(operation, "COMPLETED", "FAILED", "SUBMITTED", "REQUESTED");
    assertThat(browser.find("#signin").isDisplayed()).isFalse();

    browser.find("#sign-out").click();
    browser.await("the sign-in form again", d -> browser.find("#signin").isDisplayed());
    assertThat(browser.script("return sessionStorage.getItem(arguments[0])", CREDENTIAL_STORE))
        .isNull();
  }

  @Test
  void aTransferSubmittedFromTheFormAppearsInTheListAndTurnsCompletedLive() {
    openSignedIn();
    openTryIt();
    browser.script("window.notReloaded = true");
    newCall();
    setValue("#transfer-uui", "a1b2");
    String id = submitTransfer();

    assertThat(awaitRowState(id, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("COMPLETED");
    // The row was added by the stream (it did not exist when the list was read), shown first as
    // REQUESTED (the stream's first change of it), then changed in place to COMPLETED, without the
    // page being loaded again. (SUBMITTED may or may not be between: the provider's 202 and its
    // callback race, and either order is recorded faithfully.)
    List<String> seen = Arrays.asList(row(id).getAttribute("data-seen-states").split(" "));
    assertThat(seen).startsWith("REQUESTED").endsWith("COMPLETED");
    assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);

    browser.await(
        "the operation view COMPLETED",
        d -> "COMPLETED".equals(browser.find("#operation").getAttribute("data-state")));
    WebElement request = browser.find("#sequence g[data-role='provider-request']");
    assertThat(request.getText()).contains("transfer request");
    assertThat(browser.find("#sequence g[data-role='provider-response']").getText())
        .contains("202 Accepted");
    WebElement callback =
        browser.find("#sequence g[data-role='callback'][data-disposition='APPLIED']");
    assertThat(callback.getAttribute("data-proof")).isEqualTo("jwt");
    assertThat(callback.getText()).contains("CallTransferAccepted").contains("signed");
    assertThat(browser.find("#sequence g[data-role='api-event']").getText()).contains("COMPLETED");
    assertThat(browser.find("#outcome").getText()).contains("COMPLETED");
    browser.screenshot("transfer-completed");

    // Keyboard: the arrow is focusable and Enter opens its raw evidence.
    callback.sendKeys(Keys.ENTER);
    WebElement step =
        browser.await(
            "the callback's evidence",
            d -> {
              WebElement details = browser.find("#step-" + callback.getAttribute("data-step"));
              return details.getAttribute("open") != null ? details : null;
            });
    assertThat(step.findElement(By.tagName("pre")).getText())
        .contains("\"callback-authentication\": \"jwt\"")
        .contains("\"subCode\": \"7015\"");

    String curl = browser.find("#curl").getText();
    assertThat(curl)
        .contains("/v1/calls/")
        .contains("/transfers")
        .contains("X-API-Key: $HANDOFF_API_KEY")
        .contains("\"userToUser\":\"a1b2\"")
        .doesNotContain(KEY);

    assertThat(browser.script("return document.documentElement.scrollWidth <= innerWidth"))
        .as("no sideways scrolling at 1280×800")
        .isEqualTo(true);
    browser.viewport(390, 844);
    browser.script("window.scrollTo(0, 0)");
    assertThat(browser.script("return document.documentElement.scrollWidth <= innerWidth"))
        .as("no sideways scrolling at phone width")
        .isEqualTo(true);
    browser.screenshot("transfer-completed-phone");
  }

  @Test
  void aBusyTargetShowsFailedWithTheReasonBusy() {
    openSignedIn();
    openTryIt();
    setValue("#outcome-target", "+14255550142");
    new Select(browser.find("#outcome-kind")).selectByValue("busy");
    browser.find("#outcome-form button[type=submit]").click();
    browser.await(
        "the script", d -> browser.find("#scripts").getText().contains("+14255550142 → busy"));
    newCall();
    setValue("#transfer-target", "+1 425 555 0142");
    String id = submitTransfer();

    assertThat(awaitRowState(id, "COMPLETED", "FAILED", "UNKNOWN")).isEqualTo("FAILED");
    assertThat(row(id).getText()).contains("busy");
    browser.await(
        "the operation view FAILED",
        d -> "FAILED".equals(browser.find("#operation").getAttribute("data-state")));
    assertThat(browser.find("#failure-reason").getText()).isEqualTo("busy");
    assertThat(browser.find("#outcome").getAttribute("data-retryable")).isEqualTo("true");
    assertThat(browser.find("#failure-retryable").getText()).startsWith("Retryable");
    assertThat(browser.find("#sequence g[data-role='target-reply']").getText()).contains("busy");
    assertThat(browser.find("#sequence g[data-role='callback']").getText())
        .contains("CallTransferFailed");
    browser.screenshot("transfer-busy");
  }

  @Test
  void aValidationErrorIsShownBesideTheFieldItNames() {
    openSignedIn();
    openTryIt();
    int rows = browser.findAll("#operation-list tbody tr").size();
    setValue("#transfer-target", "not a number");
    browser.find("#transfer-form button[type=submit]").click();

    WebElement error =
        browser.await(
            "the field's error",
            d ->
                browser.find("#transfer-target-error").isDisplayed()
                    ? browser.find("#transfer-target-error")
                    : null);
    assertThat(error.getText()).contains("E.164").contains("not a number");
    assertThat(browser.find("#transfer-target").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.find("#transfer-target").getAttribute("aria-describedby"))
        .contains("transfer-target-error");
    assertThat(browser.findAll("#transfer-form .field-error"))
        .filteredOn(WebElement::isDisplayed)
        .hasSize(1);
    assertThat(browser.find("#transfer-form .form-error").getText()).contains("invalid");
    assertThat(browser.driver().getCurrentUrl()).endsWith("#/try");
    assertThat(browser.findAll("#operation-list tbody tr")).hasSize(rows);
    browser.screenshot("validation-error");
  }

  @Test
  void anInvitationCanBeMadeAndWithdrawnFromTheConsole() {
    openSignedIn();
    openTryIt();
    new Select(browser.find("#submit-what")).selectByValue("add");
    embedded.running().control().script("+14255550199", Outcome.noAnswer());
    browser.find("#add-form .new-call").click();
    browser.await(
        "a call for the invitation",
        d -> !browser.find("#add-call").getAttribute("value").isEmpty());
    setValue("#add-timeout", "180");
    browser.find("#add-form button[type=submit]").click();
    String add =
        browser.await(
            "the invitation's view with its cancel button",
            d ->
                browser.findAll("#cancel-invitation").isEmpty()
                    ? null
                    : browser.find("#operation").getAttribute("data-operation-id"));
    browser.find("#cancel-invitation").click();
    browser.await(
        "the cancel operation's view",
        d -> {
          String shown = browser.find("#operation").getAttribute("data-operation-id");
          return shown != null && !shown.equals(add);
        });
    assertThat(awaitRowState(add, "CANCELLED", "FAILED", "COMPLETED")).isEqualTo("CANCELLED");
  }
}
