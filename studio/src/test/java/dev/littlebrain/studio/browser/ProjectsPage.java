package dev.littlebrain.studio.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A workspace's Projects page ({@code /} with {@code --workspace}): every project, and the New project form. */
public final class ProjectsPage extends StudioPage {
    public ProjectsPage(StudioBrowser browser) {
        super(browser, "/", By.cssSelector("#projects tr"));
    }

    /** The templates the form offers, in its order. */
    public List<String> templates() {
        return new Select(find(By.id("template"))).getOptions().stream().map(WebElement::getText).toList();
    }

    /** The projects listed, in order. */
    public List<String> projects() {
        return browser.driver().findElements(By.cssSelector("#projects tr[data-project]")).stream()
                .map(r -> r.getDomAttribute("data-project")).toList();
    }

    /** The row of the project {@code name}: each column's heading to its cell's text. */
    public Map<String, String> row(String name) {
        List<String> headings = browser.driver().findElements(By.cssSelector("#projects th")).stream()
                .map(WebElement::getText).toList();
        List<WebElement> cells = find(By.cssSelector("#projects tr[data-project='" + name + "']"))
                .findElements(By.tagName("td"));
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            row.put(i < headings.size() ? headings.get(i) : "#" + i, cells.get(i).getText());
        }
        return row;
    }

    /** Fills the New project form and clicks Create; the page then opens the project (or says why not). */
    public void create(String name, String template) {
        find(By.id("name")).clear();
        find(By.id("name")).sendKeys(name);
        new Select(find(By.id("template"))).selectByVisibleText(template);
        find(By.id("create")).click();
    }

    public String status() {
        return find(By.id("status")).getText();
    }
}
