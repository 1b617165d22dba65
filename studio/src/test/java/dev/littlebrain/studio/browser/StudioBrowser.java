package dev.littlebrain.studio.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver: both paths are given, so Selenium Manager never
 * looks for (or downloads) a browser. One browser per test class; pages are reached through the page objects.
 */
public final class StudioBrowser implements AutoCloseable {
    /** Where Debian's {@code chromium} and {@code chromium-driver} packages put them ({@code .ci/run} installs both). */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path downloads;

    private StudioBrowser(ChromeDriver driver, String baseUrl, Path downloads) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.downloads = downloads;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return Optional.of(CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of(CHROMIUM + " is missing (apt-get install chromium)");
        }
        return Optional.empty();
    }

    /**
     * A fresh headless browser (its own profile and download folder under {@code workDir}) that has visited the
     * studio's token URL once, so that the studio's cookie lets it open any page.
     */
    public static StudioBrowser open(String tokenUrl, Path workDir) throws IOException {
        return open(tokenUrl, workDir, List.of());
    }

    /** As {@link #open(String, Path)}, with Chromium given {@code arguments} too (a fake microphone, say). */
    public static StudioBrowser open(String tokenUrl, Path workDir, List<String> arguments) throws IOException {
        Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
        Path downloads = Files.createDirectories(workDir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container: no sandbox; the closed network refuses Chromium's background connections, so
        // none are attempted.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.addArguments(arguments);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        StudioBrowser browser = new StudioBrowser(driver, tokenUrl.substring(0, tokenUrl.indexOf("/?")), downloads);
        driver.get(tokenUrl);
        return browser;
    }

    /** Opens {@code path} (e.g. {@code /impulse}) of the studio. */
    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * The same browser with its paths taken under {@code prefix} (a workspace's project: {@code /p/NAME}), for the
     * page objects of that project. It shares this browser's window: close this one, not the view.
     */
    public StudioBrowser under(String prefix) {
        return new StudioBrowser(driver, baseUrl + prefix, downloads);
    }

    /** The path of the page the browser shows now (e.g. {@code /p/gestures/}). */
    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait of up to {@code seconds} for something on the page. */
    public WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Where downloads land. */
    public Path downloads() {
        return downloads;
    }

    /** The whole page, below the fold too, as a PNG at {@code file}. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width.intValue(),
                            "height", height.intValue(), "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
