package io.pairprog.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import io.pairprog.server.support.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /docs} in headless Chromium (Debian's {@code chromium} and {@code chromedriver}, named explicitly
 * so nothing is downloaded): Swagger UI loads from the server alone, shows every endpoint, runs one for
 * real, and leads to the rendered WebSocket protocol. Screenshots go to {@code target/screenshots/}.
 */
class DocsPageTest {
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RealServer server = RealServer.on(TestDatabases.Kind.EMBEDDED);
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void open() throws Exception {
        assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "browser test skipped: " + BROWSER + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("pairprog-docs-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400", "--user-data-dir=" + profile);
        // quit() stops the service too, so each browser gets its own.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void swaggerUiListsEveryEndpointAndTriesOneOut() throws IOException {
        browser.get(server.http("/docs").toString());
        await(() -> browser.findElements(By.cssSelector(".opblock")).size() >= 6);
        List<String> operations = browser.findElements(By.cssSelector(".opblock-summary")).stream()
                .map(e -> e.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                        + e.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path"))
                .toList();
        assertThat(operations).contains("POST /rooms", "GET /rooms/{roomId}", "POST /autocomplete", "GET /health",
                "GET /health/ready", "GET /metrics");
        screenshot("docs.png");

        // Try it out for real: POST /rooms from the page creates a room on this server.
        WebElement createRoom = browser.findElement(By.cssSelector("#operations-rooms-create"));
        createRoom.findElement(By.cssSelector(".opblock-summary")).click();
        await(() -> !createRoom.findElements(By.cssSelector(".execute")).isEmpty());
        createRoom.findElement(By.cssSelector(".execute")).click();
        String answer = ".live-responses-table tbody tr.response";
        await(() -> !createRoom.findElements(By.cssSelector(answer + " .response-col_status")).isEmpty());
        String status = createRoom.findElement(By.cssSelector(answer + " .response-col_status")).getText();
        String body = createRoom.findElements(By.cssSelector(answer + " pre")).stream().map(WebElement::getText)
                .filter(text -> text.startsWith("{")).findFirst().orElseThrow();
        browser.executeScript("arguments[0].scrollIntoView()", createRoom.findElement(By.cssSelector(answer)));
        screenshot("docs-try-it-out.png");
        assertThat(status).isEqualTo("200");
        String roomId = TestServer.json(body).get("roomId").asText();
        assertThat(server.get("/rooms/" + roomId).statusCode()).isEqualTo(200);
    }

    @Test
    void protocolLinkLeadsToTheRenderedWebSocketProtocol() throws IOException {
        browser.get(server.http("/docs").toString());
        browser.findElement(By.id("protocol-link")).click();
        await(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-rendered")));
        assertThat(browser.getCurrentUrl()).endsWith("/docs/protocol.html");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The pairprog wire protocol");
        assertThat(browser.findElements(By.cssSelector("main table")).size()).isGreaterThan(3);
        assertThat(browser.findElements(By.cssSelector("h2, h3")).stream().map(WebElement::getText))
                .contains("WebSocket /ws/{roomId}");
        screenshot("protocol.png");
    }

    private void await(java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(browser, WAIT, Duration.ofMillis(50)).until(d -> condition.get());
    }

    private void screenshot(String name) throws IOException {
        Path file = Path.of("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
