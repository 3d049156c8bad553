package io.pairprog.desktop;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code --server}, {@code --room} and {@code --name} join a room without the start screen. */
@Command(name = "pairprog-desktop", mixinStandardHelpOptions = true, version = "pairprog desktop 0.1.0",
        description = "Desktop client of pairprog: edit a room's code together with browsers and other desktops.")
final class LaunchOptions {

    @Option(names = "--server", paramLabel = "URL", description = "Server address (default: the last one used, else http://localhost:8000).")
    String server;

    @Option(names = "--room", paramLabel = "ID", description = "Room ID, share link or view-only link to join right away.")
    String room;

    @Option(names = "--name", paramLabel = "NAME", description = "Your display name (default: the last one used).")
    String name;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Colour theme (default: the last one used).")
    Theme theme;

    enum Theme { light, dark }
}
