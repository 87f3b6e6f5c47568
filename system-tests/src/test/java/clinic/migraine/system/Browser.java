package clinic.migraine.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through the system's chromedriver, a fresh profile for every test. Register it as a
 * static extension: the class is skipped, with the reason, where no browser is installed. After each test it
 * saves a screenshot to {@code target/screenshots/<test>.png} (and the page's HTML next to it when the test
 * failed). The binaries are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver}) unless the system properties {@code clinic.browser.chromium} and
 * {@code clinic.browser.chromedriver}, or the environment variables {@code CHROMIUM} and {@code CHROMEDRIVER},
 * name others.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    private static final Path PROFILES = Path.of("target/browser-profiles").toAbsolutePath();

    private final Path chromium = binary("clinic.browser.chromium", "CHROMIUM", "/usr/bin/chromium");
    private final Path chromedriver = binary("clinic.browser.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver");
    private ChromeDriver driver;

    private static Path binary(String property, String variable, String fallback) {
        String configured = System.getProperty(property, System.getenv(variable));
        return Path.of(configured == null || configured.isBlank() ? fallback : configured);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                () -> "Browser tests skipped: no browser here. They need Chromium at " + chromium
                        + " and chromedriver at " + chromedriver + " (Debian packages chromium and chromium-driver;"
                        + " other paths via -Dclinic.browser.chromium=... -Dclinic.browser.chromedriver=...)");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path profile = Files.createDirectories(PROFILES).resolve(context.getRequiredTestMethod().getName());
        deleteRecursively(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=en-US",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver == null) {
            return;
        }
        try {
            String test = context.getRequiredTestMethod().getName();
            screenshot(test);
            if (context.getExecutionException().isPresent()) {
                Files.writeString(SCREENSHOTS.resolve(test + ".html"),
                        driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            }
        } finally {
            driver.quit();
            driver = null;
        }
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Signs in through the service's sign-in page and waits until it has left it. */
    void signIn(String serviceUrl, String account, String password) {
        driver.get(serviceUrl + "/login");
        fill("username", account);
        fill("password", password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Types into the input with this id, or picks the option with this value when it is a select. */
    void fill(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        if ("select".equals(input.getTagName())) {
            new Select(input).selectByValue(value);
        } else if ("date".equals(input.getDomAttribute("type"))) {
            // typing into a date input depends on the browser's locale; the value is always yyyy-mm-dd
            script("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    /** Picks the option with this value if the form has a select with this id (optional fields with defaults). */
    void chooseIfPresent(String id, String value) {
        optional(By.id(id)).filter(e -> "select".equals(e.getTagName())).ifPresent(e -> new Select(e).selectByValue(value));
    }

    Optional<WebElement> optional(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (up to {@link #WAIT}) until the element is there and visible. */
    WebElement awaitVisible(String css) {
        return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Live regions replace their content while a condition looks at it: a stale element means "look again". */
    <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Marks the current document; {@link #notReloaded()} is true as long as the browser still shows this very
     * document (a reload or navigation makes a new window object, without the mark).
     */
    void markDocument() {
        script("window.__noReload = true;");
    }

    boolean notReloaded() {
        return Boolean.TRUE.equals(script("return window.__noReload === true;"));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
