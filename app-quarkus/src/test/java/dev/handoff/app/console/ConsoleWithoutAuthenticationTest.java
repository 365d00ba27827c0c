package dev.handoff.app.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.testing.Browser;
import dev.handoff.app.testing.NoAuthenticationProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With authentication off (the demo profile's setting), the console asks for nothing. */
@QuarkusTest
@TestProfile(NoAuthenticationProfile.class)
class ConsoleWithoutAuthenticationTest {
  private static Browser browser;

  @TestHTTPResource("/console/")
  URL console;

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

  @Test
  void theConsoleShowsTheOperationsWithoutAskingForACredential() {
    String call =
        given()
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/v1/emulator/calls")
            .then()
            .statusCode(201)
            .extract()
            .path("callId");
    String operation =
        given()
            .contentType(ContentType.JSON)
            .body("{\"target\":{\"kind\":\"phoneNumber\",\"value\":\"+14255550123\"}}")
            .post("/v1/calls/{call}/transfers", call)
            .then()
            .statusCode(202)
            .extract()
            .path("id");

    browser.driver().get(console.toString() + "#/operations/" + operation);
    browser.await(
        "the operation, COMPLETED",
        d -> "COMPLETED".equals(browser.find("#operation").getAttribute("data-state")));
    browser.await(
        "its row in the live list",
        d ->
            "true".equals(browser.find("#live-status").getAttribute("data-live"))
                && !browser
                    .findAll("#operation-list tr[data-operation-id='" + operation + "']")
                    .isEmpty());
    assertThat(browser.find("#signin").isDisplayed()).isFalse();
    assertThat(browser.find("#sign-out").isDisplayed()).isFalse();
    assertThat(browser.find("#auth-status").getText()).isEqualTo("authentication off");
    assertThat(browser.find("#tab-try").isDisplayed()).isTrue();
    assertThat(browser.find("#curl").getText()).doesNotContain("X-API-Key");
    browser.screenshot("without-authentication");
    assertThat(browser.scriptErrors()).as("script errors on the page").isEmpty();
  }
}
