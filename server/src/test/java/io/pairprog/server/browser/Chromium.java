package io.pairprog.server.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system packages (Debian's {@code chromium} and {@code chromium-driver}),
 * never downloaded: both binaries are named explicitly, so Selenium Manager has nothing to resolve.
 * Each browser gets its own driver service, because {@code quit()} stops the service too, and its own
 * fresh profile directory.
 */
public final class Chromium {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test, naming what is missing, when the binaries are not installed. */
    public static void assumeInstalled() {
        assumeTrue(find(BROWSERS) != null && find(DRIVERS) != null,
                "browser test skipped: Chromium and its driver are not installed (looked for " + BROWSERS + " and "
                        + DRIVERS + "; on Debian: apt-get install chromium chromium-driver)");
    }

    /** A new headless browser with a window of the given size, keeping its profile in {@code profile}. */
    static ChromeDriver start(Path profile, int width, int height) {
        assumeInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(find(DRIVERS)))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find(BROWSERS));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // The page asks before unloading with unsent edits; a test that navigates away means it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
        return new ChromeDriver(service, options);
    }

    private static String find(List<String> candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
