package dev.littlebrain.studio.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Data ({@code /data}): the samples a page at a time, their previews, uploads and the recorder. */
public final class DataPage extends StudioPage {
    public DataPage(StudioBrowser browser) {
        super(browser, "/data", By.cssSelector("#rows tr"));
    }

    /** What the page says it lists, e.g. "1–50 of 520". */
    public String count() {
        return find(By.id("count")).getText();
    }

    /**
     * Chooses {@code files} in the upload form, types {@code label} (empty: each file's label comes from its name,
     * as an Edge Impulse export's does), picks {@code split}, clicks Upload and waits until the page has sent them
     * all; what it then says, e.g. "24 uploaded".
     */
    public String upload(List<Path> files, String label, String split, int timeoutSeconds) {
        find(By.id("upload-label")).clear();
        find(By.id("upload-label")).sendKeys(label);
        var input = find(By.id("files"));
        browser.driver().executeScript("arguments[0].value = ''", input); // the last upload's choice goes
        input.sendKeys(files.stream().map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
        new Select(find(By.id("upload-split"))).selectByVisibleText(split);
        find(By.id("upload")).click(); // the page says "uploading 1 of N" before its first request
        browser.waitUpTo(timeoutSeconds).until(d -> !uploadStatus().startsWith("uploading"));
        return uploadStatus();
    }

    public String uploadStatus() {
        return find(By.id("upload-status")).getText();
    }

    /** Rows drawn on this page of the list. */
    public int rows() {
        return browser.driver().findElements(By.cssSelector("#rows tr")).size();
    }
}
