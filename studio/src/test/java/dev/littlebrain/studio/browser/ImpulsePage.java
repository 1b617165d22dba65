package dev.littlebrain.studio.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Impulse design ({@code /impulse}): the schema-drawn forms, the feature preview, the save button. */
public final class ImpulsePage extends StudioPage {
    public ImpulsePage(StudioBrowser browser) {
        super(browser, "/impulse", By.cssSelector("body[data-ready=true]"));
    }

    /** How many times the preview has been drawn since the page opened. */
    public int previewsDrawn() {
        String drawn = find(By.id("preview")).getDomAttribute("data-drawn");
        return drawn == null ? 0 : Integer.parseInt(drawn);
    }

    /** The preview's shape as drawn, e.g. {@code 1x33}; null before the first. */
    public String previewShape() {
        return find(By.id("preview")).getDomAttribute("data-shape");
    }

    /** Waits until the preview has been drawn more than {@code times} times; returns the new count. */
    public int waitForPreviewAfter(int times) {
        browser.waitUpTo(30).until(d -> previewsDrawn() > times);
        return previewsDrawn();
    }

    /** The DSP block's parameter input, as the schema drew it. */
    public WebElement dspParameter(String name) {
        return find(By.id("dsp-" + name));
    }

    /** Types {@code value} into a number or text field of the DSP form, as a person does. */
    public void setDspParameter(String name, String value) {
        WebElement input = dspParameter(name);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    public void chooseDspBlock(String name) {
        new Select(find(By.id("dsp-block"))).selectByValue(name);
    }

    /** Saves and waits for the page to say how it went; returns that line. */
    public String save() {
        find(By.id("save")).click();
        browser.waitUpTo(30).until(d -> !status().equals("unsaved changes"));
        return status();
    }

    public String status() {
        return find(By.id("status")).getText();
    }

    public String estimate() {
        return find(By.id("estimate")).getText();
    }

    public String previewStatus() {
        return find(By.id("preview-status")).getText();
    }
}
