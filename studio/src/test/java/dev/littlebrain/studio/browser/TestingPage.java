package dev.littlebrain.studio.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Testing ({@code /testing}): a test job, float against int8, the confusion matrices, the misclassified samples. */
public final class TestingPage extends StudioPage {
    public TestingPage(StudioBrowser browser) {
        super(browser, "/testing", By.cssSelector("#summary tr"));
    }

    /** Clicks "Run test" and waits for the int8 confusion matrix. */
    public void runTest() {
        find(By.id("run")).click();
        browser.waitUpTo(120).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#confusionInt8 table")));
    }

    /** The summary row named {@code name}: its float and int8 cells as the page shows them. */
    public List<String> summary(String name) {
        for (WebElement row : browser.driver().findElements(By.cssSelector("#summary tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.size() == 3 && cells.get(0).getText().equals(name)) {
                return List.of(cells.get(1).getText(), cells.get(2).getText());
            }
        }
        throw new AssertionError("no summary row '" + name + "'");
    }
}
