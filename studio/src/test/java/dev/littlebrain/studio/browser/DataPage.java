package dev.littlebrain.studio.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

    /**
     * Types {@code folder} into the import panel, clicks the chips of its label folders named {@code keywords}, sets
     * the stream windows and training copies, clicks Import and waits until the job has ended; what the panel then
     * says, e.g. "curated 1234 samples from /data/speech".
     */
    public String importFolder(Path folder, List<String> keywords, int streamSeconds, int trainingCopies,
            int timeoutSeconds) {
        WebElement source = find(By.id("import-source"));
        source.clear();
        source.sendKeys(folder.toAbsolutePath().toString() + "\t"); // leaving the field lists its folders
        for (String word : keywords) {
            By chip = By.cssSelector("#import-folders button[data-word='" + word + "']");
            browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(chip)).click();
        }
        setNumber("import-stream", streamSeconds);
        setNumber("import-copies", trainingCopies);
        find(By.id("import")).click();
        browser.waitUpTo(10).until(d -> !find(By.id("import")).isEnabled());
        browser.waitUpTo(timeoutSeconds).until(d -> find(By.id("import")).isEnabled());
        return importStatus();
    }

    /** The keywords field as the chips left it. */
    public String importKeywords() {
        return find(By.id("import-keywords")).getAttribute("value");
    }

    public String importStatus() {
        return find(By.id("import-status")).getText();
    }

    /** The import summary's rows: label, train, validation, test. */
    public List<List<String>> importSummary() {
        return browser.driver().findElements(By.cssSelector("#import-summary tbody tr")).stream()
                .map(r -> r.findElements(By.cssSelector("td, th")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private void setNumber(String id, int value) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(Integer.toString(value));
    }

    public String uploadStatus() {
        return find(By.id("upload-status")).getText();
    }

    /** Rows drawn on this page of the list. */
    public int rows() {
        return browser.driver().findElements(By.cssSelector("#rows tr")).size();
    }

    /** Shows only the samples of {@code label} and waits for the list to be drawn again. */
    public void filterLabel(String label) {
        new Select(find(By.id("filter-label"))).selectByVisibleText(label);
        browser.waitUpTo(10).until(d -> fileNames().stream().allMatch(f -> !f.isEmpty()) && rows() > 0);
    }

    /** The file names the list shows, in order. */
    public List<String> fileNames() {
        return browser.driver().findElements(By.cssSelector("#rows td.file")).stream().map(WebElement::getText)
                .toList();
    }

    /**
     * Drags across the waveform of the row showing {@code fileName} from {@code from} to {@code to} (fractions of its
     * width, 0 the left edge); returns what the row's Crop button then says ("Crop 2.00 s").
     */
    public String selectSpan(String fileName, double from, double to) {
        WebElement row = row(fileName);
        WebElement wave = row.findElement(By.cssSelector("canvas.wave"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", wave);
        int width = wave.getSize().getWidth();
        int left = -width / 2;
        new Actions(browser.driver()).moveToElement(wave, left + (int) Math.round(from * width), 0).clickAndHold()
                .moveToElement(wave, left + (int) Math.round(to * width), 0).release().perform();
        return row.findElement(By.cssSelector("button.crop")).getText();
    }

    /** Clicks Crop in the row showing {@code fileName}; waits for the page to say what it made. */
    public String crop(String fileName) {
        row(fileName).findElement(By.cssSelector("button.crop")).click();
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "cropped"));
        return find(By.id("status")).getText();
    }

    /** Clicks Undo; waits for the page to say what came back. */
    public String undo() {
        find(By.id("undo")).click();
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "restored"));
        return find(By.id("status")).getText();
    }

    /** The length column of the row showing {@code fileName}, e.g. "2.00 s". */
    public String length(String fileName) {
        return row(fileName).findElement(By.cssSelector("td.n")).getText();
    }

    private WebElement row(String fileName) {
        return browser.waitUpTo(10).until(d -> d.findElements(By.cssSelector("#rows tr")).stream()
                .filter(r -> r.findElements(By.cssSelector("td.file")).stream()
                        .anyMatch(f -> f.getText().equals(fileName))).findFirst().orElse(null));
    }
}
