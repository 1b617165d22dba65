package dev.littlebrain.studio.browser;

import org.openqa.selenium.By;

/** The data explorer ({@code /explorer}): every sample on a plane from its features, the suspects listed. */
public final class ExplorerPage extends StudioPage {
    public ExplorerPage(StudioBrowser browser) {
        super(browser, "/explorer", By.cssSelector("body[data-ready=true]"));
    }

    /** The line under the map, e.g. "24 samples, spectral-analysis features, mapped in 40 ms". */
    public String status() {
        return find(By.id("status")).getText();
    }

    public int suspectsListed() {
        return browser.driver().findElements(By.cssSelector("#suspects td .file")).size();
    }
}
