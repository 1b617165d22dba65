package dev.littlebrain.studio.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The dashboard ({@code /}): the impulse table, the data table, the last training and test. */
public final class DashboardPage extends StudioPage {
    public DashboardPage(StudioBrowser browser) {
        super(browser, "/", By.cssSelector("#impulse tr"));
    }

    /** The impulse table as its rows read: first cell to second. */
    public Map<String, String> impulse() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#impulse tr"))) {
            var cells = row.findElements(By.tagName("td"));
            rows.put(cells.get(0).getText(), cells.size() > 1 ? cells.get(1).getText() : "");
        }
        return rows;
    }

    /** The samples in the data table, all labels and splits together. */
    public int samples() {
        int total = 0;
        for (WebElement row : browser.driver().findElements(By.cssSelector("#data tr"))) {
            var cells = row.findElements(By.cssSelector("td.n"));
            for (int i = 0; i < Math.min(3, cells.size()); i++) {
                total += Integer.parseInt(cells.get(i).getText());
            }
        }
        return total;
    }

    public String training() {
        return find(By.id("training")).getText();
    }

    /** The last test's line: its figures, or that there was none. */
    public String lastTest() {
        return find(By.id("test")).getText();
    }

    /** The target board's fit, once the page has profiled the model (or said there is none to profile). */
    public String targetBoard() {
        browser.waitUpTo(30).until(d -> !d.findElement(By.id("board")).getText().isBlank());
        return find(By.id("board")).getText();
    }
}
