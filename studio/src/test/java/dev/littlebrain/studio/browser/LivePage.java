package dev.littlebrain.studio.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Live classification ({@code /live}): Start listens to the microphone; detections flash and are listed. */
public final class LivePage extends StudioPage {
    public LivePage(StudioBrowser browser) {
        super(browser, "/live", By.cssSelector("#audio-controls:not([hidden])"));
    }

    /** Clicks Start and waits until the page says it is listening. */
    public void start() {
        find(By.id("start")).click();
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "listening"));
    }

    /** Clicks Stop. */
    public void stop() {
        find(By.id("start")).click();
        browser.waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "stopped"));
    }

    /** Waits up to {@code seconds} for a keyword in the big "Heard" box; returns it. */
    public String waitForHeard(int seconds) {
        browser.waitUpTo(seconds).until(d -> !find(By.id("heard")).getText().isBlank());
        return find(By.id("heard")).getText();
    }

    /** The keywords in the detections table, newest first. */
    public List<String> listedKeywords() {
        return browser.driver().findElements(By.cssSelector("#list tr td:nth-child(2) b")).stream()
                .map(e -> e.getText()).toList();
    }

    /**
     * The detections the page has shown, oldest first, as it keeps them for a test: label, time_ms (stream time),
     * score, latency_ms (end of the slice's audio captured to on screen).
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> detections() {
        Object shown = browser.driver().executeScript("return window.liveDetections || []");
        return (List<Map<String, Object>>) shown;
    }

    /** What the page says went wrong, if anything. */
    public String problem() {
        return find(By.id("problem")).getText();
    }
}
