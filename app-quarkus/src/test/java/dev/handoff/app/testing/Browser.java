package dev.handoff.app.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through its chromedriver, for the console's browser tests: Debian's
 * {@code chromium} and {@code chromium-driver} by default (Selenium Manager cannot download a
 * browser here, and is not asked to), each run with a fresh profile and no background traffic.
 */
public final class Browser implements AutoCloseable {
  /** The browser; {@code -Dhandoff.browser.chromium} points elsewhere. */
  public static final Path CHROMIUM =
      Path.of(System.getProperty("handoff.browser.chromium", "/usr/bin/chromium"));

  /** Its WebDriver; {@code -Dhandoff.browser.chromedriver} points elsewhere. */
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("handoff.browser.chromedriver", "/usr/bin/chromedriver"));

  /** Where screenshots go. */
  public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  /** The longest any wait for a condition lasts before the test fails. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Fails, naming what to install, when the browser or its driver is missing: browser tests that
   * cannot run must not pass by skipping.
   */
  public static void requireInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add("no Chromium at " + CHROMIUM);
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add("no chromedriver at " + CHROMEDRIVER);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The console's browser tests drive Chromium headless, but there is "
              + String.join(" and ", missing)
              + ". Install Debian's packages: apt-get install chromium chromium-driver (.ci/run"
              + " does), or point -Dhandoff.browser.chromium and -Dhandoff.browser.chromedriver at"
              + " a Chromium and its matching chromedriver.");
    }
  }

  /**
   * @param width the viewport's width in CSS pixels
   * @param height the viewport's height
   * @return a running browser
   */
  public static Browser start(int width, int height) {
    requireInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("handoff-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // The network is closed: without these, Chromium keeps calling home and failing.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    Browser browser = new Browser(service, driver, profile);
    browser.viewport(width, height);
    return browser;
  }

  /**
   * @return the driver
   */
  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Sets the page's viewport exactly (the window size includes no browser chrome headless, but the
   * viewport is what a person reads).
   *
   * @param width in CSS pixels
   * @param height in CSS pixels
   */
  public void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /**
   * Waits until the condition holds, checking every 50 ms; fails after {@link #PATIENCE}.
   *
   * @param what what is awaited, for the failure message
   * @param condition the condition
   * @param <T> what it yields
   * @return what it yielded
   */
  public <T> T await(String what, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .pollingEvery(Duration.ofMillis(50))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(what)
        .until(condition);
  }

  /**
   * @param css a selector
   * @return the first element it selects
   */
  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /**
   * @param css a selector
   * @return every element it selects
   */
  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * @param script JavaScript, its value returned
   * @param args its arguments
   * @return its value
   */
  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Saves what the viewport shows.
   *
   * @param name the file's name, without {@code .png}
   * @return the file
   */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script errors the page logged since the last call: uncaught exceptions and failed module
   * loads. Refused requests (a 400 or 401 the console shows) are not script errors.
   *
   * @return the errors
   */
  public List<String> scriptErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("Failed to load resource"))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
