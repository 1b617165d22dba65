package dev.littlebrain.studio.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every studio page has: a path, a sign that it has finished loading, the navigation bar, a screenshot. A page object for a new page extends this with what its test reads and clicks.
 */
public abstract class StudioPage {
    /** The navigation bar's entries, in order, on every page. */
    public static final List<String> NAVIGATION = List.of("Dashboard", "Data", "Explorer", "Impulse", "Training",
            "Testing", "Live", "Deployment");

    protected final StudioBrowser browser;
    private final String path;
    private final By loaded;

    /**
     * @param path   the page's path in the studio
     * @param loaded an element that appears once the page has drawn what it fetched
     */
    protected StudioPage(StudioBrowser browser, String path, By loaded) {
        this.browser = browser;
        this.path = path;
        this.loaded = loaded;
    }

    /** Opens the page and waits until it has drawn its data; returns the milliseconds that took. */
    public long open() {
        long start = System.nanoTime();
        browser.go(path);
        // Polled every 10 ms, not WebDriverWait's usual 500: the time is reported.
        browser.waitUpTo(30).pollingEvery(Duration.ofMillis(10))
                .until(ExpectedConditions.presenceOfElementLocated(loaded));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The navigation bar's link texts. */
    public List<String> navigation() {
        return browser.driver().findElements(By.cssSelector("nav a")).stream().map(WebElement::getText).toList();
    }

    protected WebElement find(By by) {
        return browser.driver().findElement(by);
    }

    /** The screenshot of this page, for a person to look at (see {@link #screenshotFolder()}). */
    public void screenshot(String name) {
        browser.screenshot(screenshotFolder().resolve(name + ".png"));
    }

    /**
     * Where screenshots go: target/screenshots of the studio module, so a test run never rewrites tracked files;
     * {@code -Dstudio.screenshots=$PWD/docs/studio} refreshes the README's pictures.
     */
    public static Path screenshotFolder() {
        String chosen = System.getProperty("studio.screenshots");
        return chosen != null && !chosen.isBlank() ? Path.of(chosen) : Path.of("target", "screenshots");
    }
}
