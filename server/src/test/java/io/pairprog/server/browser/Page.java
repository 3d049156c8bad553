package io.pairprog.server.browser;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pairprog.server.support.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
public final class Page implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CM = "const cm = document.querySelector('.CodeMirror').CodeMirror;";
    /** {@code boundary(i)}: offset {@code i}, clamped to the text and moved off the middle of a surrogate pair. */
    private static final String BOUNDARY = """
            const boundary = (i) => {
              const text = cm.getValue();
              i = Math.max(0, Math.min(i, text.length));
              return i > 0 && i < text.length && /[\\uDC00-\\uDFFF]/.test(text[i]) && /[\\uD800-\\uDBFF]/.test(text[i - 1]) ? i + 1 : i;
            };
            """;

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

    /**
     * One browser per name, started side by side (starting Chromium is the slow part of a browser test). If one
     * fails to start, those that did are closed before the failure is thrown.
     */
    public static List<Page> openAll(URI base, String... names) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<Page>> starting = new ArrayList<>();
            for (String name : names) {
                starting.add(pool.submit(() -> openNamed(base, name)));
            }
            List<Page> pages = new ArrayList<>();
            ExecutionException failure = null;
            for (Future<Page> page : starting) {
                try {
                    pages.add(page.get());
                } catch (ExecutionException e) {
                    failure = collect(failure, e);
                }
            }
            if (failure != null) {
                closeAll(pages.toArray(Page[]::new));
                throw failure;
            }
            return pages;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Closes the pages that were opened, skipping nulls (a start that failed half-way); one that fails to close
     * keeps no other open.
     */
    public static void closeAll(Page... pages) {
        RuntimeException failure = null;
        for (Page page : pages) {
            if (page == null) {
                continue;
            }
            try {
                page.close();
            } catch (RuntimeException e) {
                failure = collect(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A new browser for the server at {@code base} (e.g. {@code http://127.0.0.1:1234}). */
    static Page open(URI base) {
        return new Page(base, 1280, 800);
    }

    /** {@code next} added to {@code first} as suppressed, or {@code next} itself when it is the first failure. */
    private static <T extends Throwable> T collect(T first, T next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static Page openNamed(URI base, String name) {
        Page page = open(base);
        try {
            return page.named(name);
        } catch (RuntimeException | Error e) {
            page.close();
            throw e;
        }
    }

    /** Remembers {@code name} as the display name, as answering the page's name question once would. */
    Page named(String name) {
        driver.get(base.resolve("/").toString());
        script("localStorage.setItem('pairprog.name', arguments[0])", name);
        return this;
    }

    /** Opens {@code /?room=id} and waits until the text is loaded and the handshake is done. */
    public Page join(String roomId) {
        driver.get(base.resolve("/?room=" + roomId).toString());
        awaitSettled();
        return this;
    }

    /** Opens the view-only link {@code /?view=viewId} and waits until the text is loaded and the handshake is done. */
    Page joinView(String viewId) {
        driver.get(base.resolve("/?view=" + viewId).toString());
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
    public void awaitSettled() {
        await("online and saved", () -> "online".equals(body("connection")) && "saved".equals(body("sync")));
    }

    String body(String data) {
        return (String) script("return document.body.dataset[arguments[0]] || null", data);
    }

    /**
     * The editor's text. It crosses as JSON because WebDriver turns a returned string's CRLF into LF,
     * and CRLF is text like any other here.
     */
    public String text() {
        return TestServer.json((String) script(CM + "return JSON.stringify(cm.getValue());")).asText();
    }

    /** Places the caret at UTF-16 offset {@code index} (moved off the middle of a surrogate pair) and focuses the editor. */
    public void caret(int index) {
        script(CM + BOUNDARY + "cm.focus(); cm.setCursor(cm.posFromIndex(boundary(arguments[0])));", index);
    }

    /** Selects from {@code anchor} to {@code head}. */
    void select(int anchor, int head) {
        script(CM + "cm.focus(); cm.setSelection(cm.posFromIndex(arguments[0]), cm.posFromIndex(arguments[1]));",
                anchor, head);
    }

    /** Real key events into the focused editor, as a person types. */
    public void type(CharSequence keys) {
        script(CM + "cm.focus();");
        new Actions(driver).sendKeys(keys).perform();
    }

    /** A shortcut: holds {@code modifiers} down while pressing {@code key} (e.g. Ctrl+Z). */
    void shortcut(String key, Keys... modifiers) {
        script(CM + "cm.focus();");
        Actions actions = new Actions(driver);
        for (Keys modifier : modifiers) {
            actions.keyDown(modifier);
        }
        actions.sendKeys(key);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            actions.keyUp(modifiers[i]);
        }
        actions.perform();
    }

    /**
     * A paste as the browser delivers it: a {@code paste} event carrying {@code text} on the editor's input,
     * which CodeMirror reads as it reads a real Ctrl+V (headless Chromium has no clipboard to paste from).
     */
    void paste(String text) {
        script(CM + """
                cm.focus();
                const data = new DataTransfer();
                data.setData('text/plain', arguments[0]);
                cm.getInputField().dispatchEvent(
                    new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));""", text);
    }

    /** An edit as a plugin or paste would make it: replaces [from, to) with {@code text} in one change. */
    void replace(int from, int to, String text) {
        script(CM + BOUNDARY + """
                cm.replaceRange(arguments[2], cm.posFromIndex(boundary(arguments[0])),
                    cm.posFromIndex(boundary(arguments[1])), '+input');""", from, to, text);
    }

    /** A random edit: mostly typing a few characters at a random place, sometimes a programmatic insert or delete. */
    public void randomEdit(Random random) {
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

    /**
     * From the next page load on, the page's WebSockets go to a closed port, as if the server were
     * down (the page itself still loads). Closing the returned handle lifts it for this page and later ones.
     */
    AutoCloseable unreachableWebSockets() {
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.unreachable = true;
                const RealWebSocket = window.WebSocket;
                window.WebSocket = class extends RealWebSocket {
                  constructor(url, protocols) {
                    super(window.unreachable ? url.replace(/\\/\\/[^/]+/, '//127.0.0.1:9') : url, protocols);
                  }
                };"""));
        return () -> {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
            script("window.unreachable = false;");
        };
    }

    /**
     * From the next page load on, records what the page does with WebSockets (see {@link #sentMessageTypes()},
     * {@link #webSocketUrls()} and {@link #receivedErrors()}; {@code window.sockets} holds the sockets). Closing the handle stops it
     * for later page loads.
     */
    AutoCloseable recordWebSockets() {
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.sentMessages = []; window.webSocketUrls = []; window.sockets = []; window.receivedErrors = [];
                const RecordedWebSocket = window.WebSocket;
                window.WebSocket = class extends RecordedWebSocket {
                  constructor(url, protocols) {
                    super(url, protocols);
                    window.webSocketUrls.push(String(url));
                    window.sockets.push(this);
                    this.addEventListener('message', (event) => {
                      try {
                        const message = JSON.parse(event.data);
                        if (message.type === 'error') window.receivedErrors.push(message);
                      } catch (e) { /* not JSON: the page reports that itself */ }
                    });
                  }
                  send(data) {
                    let type = '(not JSON)';
                    try { type = JSON.parse(data).type; } catch (e) { /* recorded as such */ }
                    window.sentMessages.push(type);
                    return super.send(data);
                  }
                };"""));
        return () -> driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", added.get("identifier")));
    }

    /** The {@code type} of every message the page sent on a WebSocket since it loaded (needs {@link #recordWebSockets}). */
    @SuppressWarnings("unchecked")
    List<String> sentMessageTypes() {
        return (List<String>) script("return window.sentMessages;");
    }

    /** The address of every WebSocket the page opened since it loaded (needs {@link #recordWebSockets}). */
    @SuppressWarnings("unchecked")
    List<String> webSocketUrls() {
        return (List<String>) script("return window.webSocketUrls;");
    }

    /** Every {@code error} message the page received since it loaded, as {@code code} and {@code clientSeq} (needs {@link #recordWebSockets}). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> receivedErrors() {
        return (List<Map<String, Object>>) script("return window.receivedErrors.map(e => ({code: e.code, clientSeq: e.clientSeq ?? null}));");
    }

    /**
     * From the next page load on, the first {@code op} the page sends carries {@code clientId} instead of its
     * own, as if its connection had said hello under another id: the server refuses it with
     * {@code CLIENT_ID_MISMATCH}. Closing the handle stops it for later page loads.
     */
    AutoCloseable misnameFirstEdit(String clientId) {
        Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.misnamed = false;
                const MisnamingWebSocket = window.WebSocket;
                window.WebSocket = class extends MisnamingWebSocket {
                  send(data) {
                    const message = JSON.parse(data);
                    if (message.type === 'op' && !window.misnamed) {
                      window.misnamed = true;
                      return super.send(JSON.stringify({ ...message, clientId: %s }));
                    }
                    return super.send(data);
                  }
                };""".formatted(TextNode.valueOf(clientId))));
        return () -> driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", added.get("identifier")));
    }

    /** Every URL the page loaded or fetched since it loaded, as the browser's resource timing lists them. */
    @SuppressWarnings("unchecked")
    List<String> resourceUrls() {
        return (List<String>) script("return performance.getEntries().map(e => e.name);");
    }

    /** Catches what the page copies to the clipboard, until the next page load: see {@link #copied()}. */
    void catchClipboard() {
        script("""
                window.copied = [];
                Object.defineProperty(navigator, 'clipboard', {configurable: true,
                    value: {writeText: (text) => { window.copied.push(text); return Promise.resolve(); }}});
                document.execCommand = (command) => command === 'copy' && window.copied.push(document.activeElement.value) > 0;""");
    }

    /** What the page copied since {@link #catchClipboard()}. */
    @SuppressWarnings("unchecked")
    List<String> copied() {
        return (List<String>) script("return window.copied || [];");
    }

    /** The text of the toasts on screen now. */
    @SuppressWarnings("unchecked")
    List<String> toasts() {
        return (List<String>) script("return [...document.querySelectorAll('#toasts .toast')].map(t => t.textContent);");
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
    public void await(String what, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(d -> condition.get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; " + describe(), e);
        }
    }

    /** The page's indicators and console, for failure messages. */
    String describe() {
        String text;
        try {
            text = String.valueOf(script("const e = document.querySelector('.CodeMirror');"
                    + "return e ? JSON.stringify(e.CodeMirror.getValue()) : '(no editor)';"));
        } catch (RuntimeException e) {
            text = "(unreadable: " + e.getMessage() + ")";
        }
        return "view=" + body("view") + " connection=" + body("connection") + " sync=" + body("sync")
                + " text=" + text + "\nconsole:\n" + console();
    }

    /**
     * Fails if the page logged a script error since the last look (network failures, which the page
     * reports itself, do not count). Reading the console empties it.
     */
    void assertNoScriptErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("WebSocket connection to") && !m.contains("Failed to load resource"))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("script errors on the page: " + errors);
        }
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
