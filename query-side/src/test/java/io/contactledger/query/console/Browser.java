package io.contactledger.query.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by its own chromedriver: nothing is downloaded) on the
 * console, with the few steps every browser test takes.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("LEDGER_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LEDGER_TEST_CHROMIUM", "/usr/bin/chromium"));

    final ChromeDriver driver;
    private final String consoleUrl;

    /** Skips loudly when no browser is installed, unless CI says it must be there. */
    static void requireInstalled() {
        if (Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = "no chromium/chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if (Boolean.parseBoolean(System.getenv().getOrDefault("LEDGER_TEST_BROWSER_REQUIRED", "false"))) {
            throw new IllegalStateException(message + " and LEDGER_TEST_BROWSER_REQUIRED=true");
        }
        System.err.println("\n*** SKIPPING BROWSER TESTS: " + message + " ***\n");
        Assumptions.abort(message);
    }

    Browser(String consoleUrl, int width, int height) {
        this.consoleUrl = consoleUrl;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-GB", "--force-device-scale-factor=1");
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Browser signIn(String key) {
        driver.get(consoleUrl);
        WebElement input = waitFor(d -> d.findElement(By.id("api-key")));
        input.clear();
        input.sendKeys(key);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        return this;
    }

    Browser signedIn(String key) {
        signIn(key);
        waitFor(d -> d.findElement(By.id("app")).isDisplayed());
        return this;
    }

    void open(String contactId) {
        driver.get(consoleUrl + "#/contacts/" + contactId);
        waitFor(d -> contactId.equals(d.findElement(By.id("profile")).getAttribute("data-contact-id")));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(10), condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(10))
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves a screenshot under target/screenshots, and into docs/screenshots with -Dledger.screenshots.update=true. */
    void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        if (Boolean.getBoolean("ledger.screenshots.update")) {
            Path docs = Path.of("..", "docs", "screenshots", name + ".png");
            Files.createDirectories(docs.getParent());
            Files.write(docs, png);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

}
