package dev.littlebrain.studio.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Deployment ({@code /deployment}): format and board, profile's table, the download. */
public final class DeploymentPage extends StudioPage {
    public DeploymentPage(StudioBrowser browser) {
        super(browser, "/deployment", By.cssSelector("body[data-ready=true]"));
    }

    public void chooseFormat(String name) {
        new Select(find(By.id("format"))).selectByValue(name);
    }

    public void chooseBoard(String id) {
        new Select(find(By.id("board"))).selectByValue(id);
    }

    /** The boards in the profile table, in its order. */
    public List<String> profiledBoards() {
        return browser.driver().findElements(By.cssSelector("#profile tr[data-board]")).stream()
                .map(r -> r.getDomAttribute("data-board")).toList();
    }

    /** The profile table's row of {@code board}: its cells' texts. */
    public List<String> profileRow(String board) {
        WebElement row = find(By.cssSelector("#profile tr[data-board='" + board + "']"));
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    /** Clicks the download button and waits for the zip to land in the browser's download folder. */
    public Path download(String fileName) {
        find(By.id("download")).click();
        Path file = browser.downloads().resolve(fileName);
        browser.waitUpTo(60).until(d -> Files.isRegularFile(file) && !partialDownloadIn(browser.downloads()));
        return file;
    }

    public String status() {
        return find(By.id("status")).getText();
    }

    private static boolean partialDownloadIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> partial = files.filter(f -> f.toString().endsWith(".crdownload")).findAny();
            return partial.isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
