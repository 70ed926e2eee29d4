package org.optilock.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two tabs of a headless Chromium edit one note of the running Spring Boot example; the list pages by
 * cursor, forward and back, through the repository bean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConflictPageBrowserTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    NoteDao notes;

    private ChromeDriver browser;
    private long id;

    @BeforeEach
    void start() throws IOException {
        id = notes.insert(new Note("Trip", "pack the tent")).id;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("optilock.chromium", "/usr/bin/chromium"));
        Path profile = Files.createTempDirectory("optilock-chromium");
        // No sandbox as root; no background traffic on a machine without internet.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1000,700", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("optilock.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws IOException {
        if (browser == null) {
            return;
        }
        try {
            screenshot("spring-last-page");
        } finally {
            browser.quit();
        }
    }

    private void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("optilock.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page's heading once it is {@code expected}, or what it is after five seconds: a click navigates. */
    private String heading(String expected) throws InterruptedException {
        return eventually(() -> browser.findElement(By.tagName("h1")).getText(), expected);
    }

    /**
     * What {@code read} gives once it is {@code expected}, or what it gave last after five seconds. A
     * click that navigates returns before the next page is shown, so a read may see the old page, or
     * fail on an element of it the browser has just dropped (reported differently by each ChromeDriver
     * version); both mean only "not yet".
     */
    private <T> T eventually(Supplier<T> read, T expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        T seen = null;
        while (System.nanoTime() < deadline) {
            try {
                seen = read.get();
                if (seen.equals(expected)) {
                    return seen;
                }
            } catch (WebDriverException pageChanging) {
                // the page changed under the lookup; look again
            }
            Thread.sleep(50);
        }
        return seen;
    }

    private void retitle(String title) {
        WebElement field = browser.findElement(By.name("title"));
        field.clear();
        field.sendKeys(title);
        browser.findElement(By.id("save")).click();
    }

    @Test
    void theListPagesThroughNotesOfOneTitleForwardAndBack() throws InterruptedException {
        // Seven notes of one title: only the key, which ends every order, tells their pages apart.
        for (int i = 1; i <= 7; i++) {
            notes.insert(new Note("Paging", "p" + i));
        }
        browser.get("http://localhost:" + port + "/notes?q=Paging&size=3");
        assertEquals(List.of("p1", "p2", "p3"), bodies());
        browser.findElement(By.id("next")).click();
        assertEquals(List.of("p4", "p5", "p6"), eventually(this::bodies, List.of("p4", "p5", "p6")));
        browser.findElement(By.id("next")).click();
        assertEquals(List.of("p7"), eventually(this::bodies, List.of("p7")));
        assertTrue(browser.findElements(By.id("next")).isEmpty());
        browser.findElement(By.id("previous")).click();
        assertEquals(List.of("p4", "p5", "p6"), eventually(this::bodies, List.of("p4", "p5", "p6")));
    }

    private List<String> bodies() {
        return browser.findElements(By.cssSelector("#notes .body")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theSecondTabToSaveTheSameFieldSeesTheConflictPageAndSavesTheMerge() throws InterruptedException, IOException {
        String editPage = "http://localhost:" + port + "/notes/" + id + "/edit";
        browser.get(editPage);
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(editPage);
        retitle("Trip (second tab)");
        assertEquals("Notes", heading("Notes"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Trip (second tab)"));

        browser.switchTo().window(first);
        retitle("Trip (first tab)");

        assertEquals("Someone changed this note while you were editing it",
                heading("Someone changed this note while you were editing it"));
        List<WebElement> differing = browser.findElements(By.cssSelector("#conflict tr.differs"));
        assertEquals(1, differing.size(), "only the title differs");
        assertEquals("Trip (second tab)", notes.findById(id).orElseThrow().title, "the stale save wrote nothing");

        assertEquals("Trip (second tab)", browser.findElement(By.name("title")).getDomProperty("value"),
                "the form holds the merge: the saved title, where both changed it");
        screenshot("spring-conflict-page");

        retitle("Trip (both tabs)"); // "Save the merge"
        assertEquals("Notes", heading("Notes"));
        assertEquals("Trip (both tabs)", notes.findById(id).orElseThrow().title);
    }
}
