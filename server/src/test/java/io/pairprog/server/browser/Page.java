package io.pairprog.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser on the pairprog page, with the few things a test does there: open a room, type
 * with real key events, place the caret, read the editor's text and wait for the page's own
 * indicators ({@code body[data-connection]}, {@code body[data-sync]}).
 *
 * <p>The editor is reached the way CodeMirror 5 publishes it, {@code .CodeMirror}'s {@code CodeMirror}
 * property; the page itself exports nothing for tests.
 */
final class Page implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CM = "const cm = document.querySelector('.CodeMirror').CodeMirror;";

    private final ChromeDriver driver;
    private final Path profile;
    private final URI base;

    private Page(URI base, int width, int height) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("pairprog-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.driver = Chromium.start(profile, width, height);
    }

    /** A new browser for the server at {@code base} (e.g. {@code http://127.0.0.1:1234}). */
    static Page open(URI base) {
        return new Page(base, 1280, 800);
    }

    /** Remembers {@code name} as the display name, as answering the page's name question once would. */
    Page named(String name) {
        driver.get(base.resolve("/").toString());
        script("localStorage.setItem('pairprog.name', arguments[0])", name);
        return this;
    }

    /** Opens {@code /?room=id} and waits until the text is loaded and the handshake is done. */
    Page join(String roomId) {
        driver.get(base.resolve("/?room=" + roomId).toString());
        awaitSettled();
        return this;
    }

    void get(String path) {
        driver.get(base.resolve(path).toString());
    }

    void reload() {
        driver.navigate().refresh();
    }

    /** Waits until the page is connected and the server has stored every local edit. */
    void awaitSettled() {
        await("online and saved", () -> "online".equals(body("connection")) && "saved".equals(body("sync")));
    }

    String body(String data) {
        return (String) script("return document.body.dataset[arguments[0]] || null", data);
    }

    String text() {
        return (String) script(CM + "return cm.getValue();");
    }

    /** Places the caret at UTF-16 offset {@code index} (moved off the middle of a surrogate pair) and focuses the editor. */
    void caret(int index) {
        script(CM + """
                const text = cm.getValue();
                let i = Math.min(arguments[0], text.length);
                if (i > 0 && i < text.length && /[\\uDC00-\\uDFFF]/.test(text[i]) && /[\\uD800-\\uDBFF]/.test(text[i - 1])) i++;
                cm.focus(); cm.setCursor(cm.posFromIndex(i));""", index);
    }

    /** Selects from {@code anchor} to {@code head}. */
    void select(int anchor, int head) {
        script(CM + "cm.focus(); cm.setSelection(cm.posFromIndex(arguments[0]), cm.posFromIndex(arguments[1]));",
                anchor, head);
    }

    /** Real key events into the focused editor, as a person types. */
    void type(CharSequence keys) {
        script(CM + "cm.focus();");
        new Actions(driver).sendKeys(keys).perform();
    }

    /** An edit as a plugin or paste would make it: replaces [from, to) with {@code text} in one change. */
    void replace(int from, int to, String text) {
        script(CM + "cm.replaceRange(arguments[2], cm.posFromIndex(arguments[0]), cm.posFromIndex(arguments[1]), '+input');",
                from, to, text);
    }

    /** A random edit: mostly typing a few characters at a random place, sometimes a programmatic insert or delete. */
    void randomEdit(Random random) {
        int length = text().length();
        int at = random.nextInt(length + 1);
        int kind = random.nextInt(10);
        if (kind < 6 || length == 0) {
            caret(at);
            String[] words = {"a", "bc", "def", " x", "y z", "(1)", "q"};
            type(words[random.nextInt(words.length)]);
        } else if (kind < 8) {
            replace(at, at, random.nextBoolean() ? "ins" : "\n");
        } else {
            replace(at, Math.min(length, at + 1 + random.nextInt(3)), "");
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    void scriptTimeout(Duration timeout) {
        driver.manage().timeouts().scriptTimeout(timeout);
    }

    /** Waits for {@code condition}; on timeout the message carries the page state and its console. */
    void await(String what, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; " + describe(), e);
        }
    }

    /** The page's indicators and console, for failure messages. */
    String describe() {
        return "view=" + body("view") + " connection=" + body("connection") + " sync=" + body("sync")
                + "\nconsole:\n" + console();
    }

    String console() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(console unavailable: " + e + ")";
        }
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
