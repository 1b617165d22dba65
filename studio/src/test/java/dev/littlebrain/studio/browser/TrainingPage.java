package dev.littlebrain.studio.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Training ({@code /training}): the learn block's settings, start and stop, the loss and accuracy curves. */
public final class TrainingPage extends StudioPage {
    public TrainingPage(StudioBrowser browser) {
        super(browser, "/training", By.cssSelector("#settings tr"));
    }

    /** Trains {@code epochs} epochs on the CPU (reproducible) from the page and waits for the job to end; its status. */
    public String train(int epochs, int timeoutSeconds) {
        find(By.id("epochs")).clear();
        find(By.id("epochs")).sendKeys(Integer.toString(epochs));
        new Select(find(By.id("device"))).selectByValue("cpu");
        find(By.id("start")).click();
        browser.waitUpTo(10).until(d -> !find(By.id("start")).isEnabled() || !problem().isBlank());
        browser.waitUpTo(timeoutSeconds).until(d -> find(By.id("start")).isEnabled());
        return status();
    }

    /** The page's one-line problem report; blank when none. */
    public String problem() {
        return find(By.id("problem")).getText();
    }

    public String status() {
        return find(By.id("status")).getText();
    }
}
