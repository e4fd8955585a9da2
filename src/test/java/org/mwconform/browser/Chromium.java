package org.mwconform.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven through Selenium 4 and Debian's {@code chromium-driver}: both paths are
 * given, so Selenium Manager never downloads a driver or a browser. The build installs both packages
 * when they are missing ({@code src/test/sh/ensure-browser}).
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path userDataDir;
    private final List<String> pageProblems = new ArrayList<>();

    private Chromium(ChromeDriver driver, Path userDataDir) {
        this.driver = driver;
        this.userDataDir = userDataDir;
    }

    /** The browser: {@code -Dmwconform.chromium=PATH}, else Debian's /usr/bin/chromium. */
    static Path browser() {
        return configured("mwconform.chromium", "/usr/bin/chromium");
    }

    /** The driver: {@code -Dmwconform.chromedriver=PATH}, else Debian's /usr/bin/chromedriver. */
    static Path driver() {
        return configured("mwconform.chromedriver", "/usr/bin/chromedriver");
    }

    private static Path configured(String property, String debianPath) {
        String value = System.getProperty(property);
        return Path.of(value == null || value.isBlank() ? debianPath : value);
    }

    /** Starts Chromium headless with a fresh profile, its window {@code width} x {@code height} pixels. */
    static Chromium start(int width, int height) throws IOException {
        for (Path exe : List.of(browser(), driver())) {
            if (!Files.isExecutable(exe)) {
                throw new AssertionError(exe + " not found: apt-get install chromium chromium-driver");
            }
        }
        Path userDataDir = Files.createTempDirectory("mwconform-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(browser().toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + userDataDir, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver().toFile())
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), userDataDir);
    }

    void navigate(URI url) {
        driver.get(url.toString());
    }

    /** The value of a JavaScript expression, as JSON. */
    JsonNode evaluate(String expression) {
        Object value = ((JavascriptExecutor) driver).executeScript("return (" + expression + ");");
        return JSON.valueToTree(value);
    }

    String text(String expression) {
        return evaluate(expression).asText();
    }

    void waitFor(String condition, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> evaluate("!!(" + condition + ")").asBoolean());
    }

    /** A real click: WebDriver scrolls the element into view and clicks its centre. */
    void click(String cssSelector) {
        try {
            driver.findElement(By.cssSelector(cssSelector)).click();
        } catch (NoSuchElementException e) {
            throw new AssertionError("nothing on the page matches " + cssSelector);
        }
    }

    void pressEscape() {
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    }

    /** A PNG of the window, or of the whole page (up to {@code maxHeight} pixels high). */
    void screenshot(Path file, boolean fullPage, int maxHeight) throws IOException {
        Dimension before = driver.manage().window().getSize();
        if (fullPage) {
            int height = Math.min(maxHeight, evaluate("document.documentElement.scrollHeight").asInt());
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.max(before.getHeight(), height)));
        }
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        if (fullPage) {
            driver.manage().window().setSize(before);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png);
    }

    /** Uncaught exceptions, console errors and browser errors (a Content-Security-Policy refusal, a failed load). */
    List<String> pageProblems() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                pageProblems.add(entry.getLevel() + ": " + entry.getMessage());
            }
        }
        return List.copyOf(pageProblems);
    }

    /** The page problems so far, forgotten once returned. */
    List<String> takePageProblems() {
        List<String> taken = pageProblems();
        pageProblems.clear();
        return taken;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(userDataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
