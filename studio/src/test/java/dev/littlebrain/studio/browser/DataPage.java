package dev.littlebrain.studio.browser;

import org.openqa.selenium.By;

/** Data ({@code /data}): the samples a page at a time, their previews, uploads and the recorder. */
public final class DataPage extends StudioPage {
    public DataPage(StudioBrowser browser) {
        super(browser, "/data", By.cssSelector("#rows tr"));
    }

    /** What the page says it lists, e.g. "1–50 of 520". */
    public String count() {
        return find(By.id("count")).getText();
    }

    /** Rows drawn on this page of the list. */
    public int rows() {
        return browser.driver().findElements(By.cssSelector("#rows tr")).size();
    }
}
