package dev.littlebrain.studio.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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

    /** Clicks "Run stream test" and waits (up to {@code seconds}) for the calibration table. */
    public void runStreamTest(int seconds) {
        // The stream section is shown once the page has read the project (audio): not yet when open() returns.
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("runStream"))).click();
        browser.waitUpTo(seconds).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#streamTable tr.chosen")));
    }

    /** The chosen point's row as shown: threshold(s), detected, false accepts per hour. */
    public List<String> chosen() {
        return browser.driver().findElements(By.cssSelector("#streamTable tr.chosen td")).stream().skip(1)
                .map(WebElement::getText).toList();
    }

    /**
     * Where the page drew the pooled curve's point of each threshold, in CSS pixels from the canvas's top left:
     * {threshold: [x, y]} (what a person aims the mouse at).
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<Number>> pooledCurve() {
        return (Map<String, List<Number>>) browser.driver().executeScript("const out = {};"
                + " drawnCurves[0].points.forEach(p => out[p[2].toFixed(2)] = [chart.x(p[0]), chart.y(p[1])]);"
                + " return out;");
    }

    /** Drags the chosen ring from where it is shown to the pooled curve's point at ({@code x}, {@code y}). */
    public void dragRingTo(double fromX, double fromY, double x, double y) {
        WebElement canvas = find(By.id("farFrr"));
        // The mouse only reaches what is on screen: the curve sits low on the page.
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        int w = canvas.getSize().getWidth(), h = canvas.getSize().getHeight();
        new Actions(browser.driver()).moveToElement(canvas, (int) Math.round(fromX - w / 2.0),
                (int) Math.round(fromY - h / 2.0)).clickAndHold()
                .moveToElement(canvas, (int) Math.round(x - w / 2.0), (int) Math.round(y - h / 2.0)).release()
                .perform();
    }

    /** Clicks Apply; waits for the page to say what impulse.yaml now says. */
    public String apply() {
        WebElement button = find(By.id("apply"));
        String label = button.getText();
        button.click();
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("applied"),
                "impulse.yaml now says"));
        return label;
    }
}
