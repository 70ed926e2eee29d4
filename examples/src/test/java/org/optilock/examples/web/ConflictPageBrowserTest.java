package org.optilock.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.optilock.examples.Document;
import org.optilock.examples.DocumentDao;
import org.optilock.examples.Examples;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A person's view: the same document open in two tabs of a real (headless) Chromium, both saved. Edits
 * of different fields are merged; edits of the same field show the conflict page. The list pages by
 * cursor, forward and back, and searches by title. Runs in the {@code browser} profile; keeps screenshots under
 * {@code target/screenshots}, and one of the failing page when it fails.
 */
class ConflictPageBrowserTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;
    private final WebExample web;
    private final ChromeDriver browser;

    ConflictPageBrowserTest() throws SQLException, IOException {
        dataSource.setURL("jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        Examples.createTables(keepAlive);
        WebExample.seed(dataSource);
        web = WebExample.start(dataSource, 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("optilock.chromium", "/usr/bin/chromium"));
        Path profile = Files.createTempDirectory("optilock-chromium");
        // No sandbox as root; no background traffic on a machine without internet.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1200,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("optilock.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop(TestInfo test) throws SQLException, IOException {
        try {
            screenshot("last-page-of-" + test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.quit();
            web.close();
            keepAlive.createStatement().execute("SHUTDOWN");
        }
    }

    private String url(String path) {
        return "http://localhost:" + web.port() + path;
    }

    private void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("optilock.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.name(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens document 1 in two tabs, Alice's first and Bob's second; Bob's tab is shown. */
    private String[] twoTabs() {
        browser.get(url("/documents/1/edit"));
        String alice = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/documents/1/edit"));
        return new String[] {alice, browser.getWindowHandle()};
    }

    @Test
    void theListPagesForwardAndBackAndSearches() throws IOException {
        DocumentDao documents = new DocumentDao(dataSource);
        for (int i = 1; i <= 22; i++) {
            documents.insert(new Document(String.format("Memo %02d", i), ""));
        }
        // 25 documents by title: Memo 01..22, then Release notes, Roadmap, Style guide.
        browser.get(url("/documents?size=10"));
        assertEquals(titles(1, 10), shownTitles());
        clickThrough(By.id("next"));
        assertEquals(titles(11, 20), shownTitles());
        screenshot("list-second-page");
        clickThrough(By.id("next"));
        assertEquals(List.of("Memo 21", "Memo 22", "Release notes", "Roadmap", "Style guide"), shownTitles());
        assertTrue(browser.findElements(By.id("next")).isEmpty(), "the last page has no next page");
        clickThrough(By.id("previous"));
        assertEquals(titles(11, 20), shownTitles());
        clickThrough(By.id("previous"));
        assertEquals(titles(1, 10), shownTitles());
        assertTrue(browser.findElements(By.id("previous")).isEmpty(), "the first page has no previous page");

        type("q", "Roadmap");
        clickThrough(By.id("search-button"));
        assertEquals(List.of("Roadmap"), shownTitles());
    }

    private static List<String> titles(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> String.format("Memo %02d", i)).toList();
    }

    /**
     * Clicks {@code control}, which leads to another page, and waits until the browser shows that page
     * whole: the list's pages share their elements' names, so reading too soon would read the old page,
     * or an element of it the browser has just dropped. The old page is told apart by a mark put on its
     * window, which the next document's window does not have; an element of the old page is no help, as
     * what reading one reports once its page is gone differs between ChromeDriver versions.
     */
    private void clickThrough(By control) {
        browser.executeScript("window.optilockLeftPage = true;");
        browser.findElement(control).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        WebDriverException lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(browser.executeScript(
                        "return window.optilockLeftPage === undefined && document.readyState === 'complete';"))) {
                    return;
                }
            } catch (WebDriverException navigating) {
                // the script ran while one document replaced the other; ask again
                lastFailure = navigating;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the next page", e);
            }
        }
        throw new AssertionError("the next page had not loaded 10 seconds after clicking " + control, lastFailure);
    }

    private List<String> shownTitles() {
        return browser.findElements(By.cssSelector("#documents input[type=text]")).stream()
                .map(input -> input.getDomProperty("value")).toList();
    }

    @Test
    void twoTabsEditingDifferentFieldsBothSave() throws IOException {
        String[] tabs = twoTabs();
        type("editor", "Bob");
        type("body", "Bob rewrote the body.");
        browser.findElement(By.id("save")).click();
        assertTrue(browser.findElement(By.id("message")).getText().contains("now version 2"));

        browser.switchTo().window(tabs[0]);
        type("editor", "Alice");
        type("title", "Alice's title");
        browser.findElement(By.id("save")).click();

        String message = browser.findElement(By.id("message")).getText();
        assertTrue(message.contains("now version 3: merged with Bob's change to the body."), message);
        screenshot("merged-message");
        browser.get(url("/documents/1/edit"));
        assertEquals("Alice's title", browser.findElement(By.name("title")).getDomProperty("value"));
        assertEquals("Bob rewrote the body.", browser.findElement(By.name("body")).getDomProperty("value"));
    }

    @Test
    void theSameFieldEditedInTwoTabsShowsTheConflictPageWithOnlyThatFieldHighlighted() throws IOException {
        String[] tabs = twoTabs();
        type("editor", "Bob");
        type("title", "Saved in the second tab");
        browser.findElement(By.id("save")).click();
        assertTrue(browser.findElement(By.id("message")).getText().contains("now version 2"));

        browser.switchTo().window(tabs[0]);
        type("editor", "Alice");
        type("title", "Saved in the first tab");
        type("body", "Alice's body.");
        browser.findElement(By.id("save")).click();

        // The click navigates: wait for the conflict table, which only the conflict page has, so the
        // heading read next is the new page's, never the edit page's as it goes away.
        browser.findElement(By.id("conflict"));
        assertEquals("Someone else changed this document", browser.findElement(By.tagName("h1")).getText());
        List<WebElement> differing = browser.findElements(By.cssSelector("#conflict tr.differs"));
        assertEquals(1, differing.size(), "only the title collided; the body only Alice changed");
        assertTrue(differing.get(0).getText().contains("Saved in the first tab"));
        assertTrue(differing.get(0).getText().contains("Saved in the second tab"));
        assertEquals("Saved in the second tab", browser.findElement(By.name("title")).getDomProperty("value"),
                "the form holds the merge: Bob's title, where both changed it");
        assertEquals("Alice's body.", browser.findElement(By.name("body")).getDomProperty("value"),
                "and Alice's body, which only she changed");
        screenshot("conflict-page");

        type("title", "Both tabs' title");
        browser.findElement(By.id("save")).click(); // "Save the merge"
        assertTrue(browser.findElement(By.id("message")).getText().contains("now version 3"));
        assertEquals("Both tabs' title", browser.findElement(By.name("title-1")).getDomProperty("value"));
    }
}
