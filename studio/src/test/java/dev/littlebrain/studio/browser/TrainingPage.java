package dev.littlebrain.studio.browser;

import org.openqa.selenium.By;

/** Training ({@code /training}): the learn block's settings, start and stop, the loss and accuracy curves. */
public final class TrainingPage extends StudioPage {
    public TrainingPage(StudioBrowser browser) {
        super(browser, "/training", By.cssSelector("#settings tr"));
    }

    public String status() {
        return find(By.id("status")).getText();
    }
}
