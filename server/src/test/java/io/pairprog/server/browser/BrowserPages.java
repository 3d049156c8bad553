package io.pairprog.server.browser;

import io.pairprog.server.support.RealServer;
import io.pairprog.server.support.TestDatabases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server and the headless Chromium pages a browser test class drives, started before its first test
 * and closed after its last: the server is a {@link RealServer}, each page a {@link Page} of its own. After
 * every test each page must have logged no script error. Without Chromium installed the class is skipped,
 * naming what is missing.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final BrowserPages browser = BrowserPages.on(TestDatabases.Kind.POSTGRES).named("Alice", "Bob");
 * </pre>
 */
final class BrowserPages implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final RealServer server;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private String[] names = {};

    private BrowserPages(RealServer server) {
        this.server = server;
    }

    /** A server on {@code store} with {@code options}; one page showing {@code /} unless {@link #named} says more. */
    static BrowserPages on(TestDatabases.Kind store, String... options) {
        return new BrowserPages(RealServer.on(store, options));
    }

    /**
     * One page per name, each with the name remembered as its display name (as answering the page's name
     * question once would); a test opens the room it needs.
     */
    BrowserPages named(String... names) {
        this.names = names.clone();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Chromium.assumeInstalled();
        server.beforeAll(context);
        if (names.length == 0) {
            Page page = Page.open(server.http("/"));
            pages.put("", page);
            page.get("/");
        } else {
            List<Page> opened = Page.openAll(server.http("/"), names);
            for (int i = 0; i < names.length; i++) {
                pages.put(names[i], opened.get(i));
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            List<AssertionError> errors = new ArrayList<>();
            for (Page page : pages.values()) {
                try {
                    page.assertNoScriptErrors();
                } catch (AssertionError e) {
                    errors.add(e);
                }
            }
            if (!errors.isEmpty()) {
                errors.subList(1, errors.size()).forEach(errors.get(0)::addSuppressed);
                throw errors.get(0);
            }
        } finally {
            server.afterEach(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            Page.closeAll(pages.values().toArray(Page[]::new));
            pages.clear();
        } finally {
            server.afterAll(context);
        }
    }

    /** The server, with its WebSocket clients closed after each test. */
    RealServer server() {
        return server;
    }

    /** The page opened for {@code name}. */
    Page page(String name) {
        Page page = pages.get(name);
        if (page == null) {
            throw new IllegalArgumentException("page: no page named " + name + " (there are " + pages.keySet() + ")");
        }
        return page;
    }

    /** The only page, named or not. */
    Page page() {
        if (pages.size() != 1) {
            throw new IllegalStateException("page: " + pages.size() + " pages are open (" + pages.keySet() + "); name one");
        }
        return pages.values().iterator().next();
    }
}
