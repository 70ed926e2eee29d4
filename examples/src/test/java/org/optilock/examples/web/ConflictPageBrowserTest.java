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
import org.optilock.examples.Examples;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A person's view: the same document open in two tabs of a real (headless) Chromium, both saved; the
 * second tab shows the conflict page. Runs in the {@code browser} profile; keeps screenshots under
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

    private void retitle(String title) {
        WebElement field = browser.findElement(By.name("title"));
        field.clear();
        field.sendKeys(title);
        browser.findElement(By.id("save")).click();
    }

    @Test
    void theSecondTabToSaveSeesTheConflictPage() throws IOException {
        browser.get(url("/documents/1/edit"));
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("/documents/1/edit"));

        retitle("Saved in the second tab");
        assertTrue(browser.findElement(By.id("message")).getText().contains("now version 2"));

        browser.switchTo().window(first);
        retitle("Saved in the first tab");

        assertEquals("Someone else changed this document", browser.findElement(By.tagName("h1")).getText());
        List<WebElement> differing = browser.findElements(By.cssSelector("#conflict tr.differs"));
        assertEquals(1, differing.size(), "only the title differs");
        assertTrue(differing.get(0).getText().contains("Saved in the first tab"));
        assertTrue(differing.get(0).getText().contains("Saved in the second tab"));
        screenshot("conflict-page");

        browser.findElement(By.id("save")).click(); // "Re-apply my changes"
        assertTrue(browser.findElement(By.id("message")).getText().contains("now version 3"));
        assertEquals("Saved in the first tab", browser.findElement(By.name("title-1")).getDomProperty("value"));
    }
}
