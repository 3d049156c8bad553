package io.pairprog.desktop;

import io.pairprog.desktop.net.ServerConnection;
import io.pairprog.desktop.ui.AppContext;
import io.pairprog.desktop.ui.Settings;
import io.pairprog.desktop.ui.StartScreen;
import io.pairprog.desktop.ui.Themes;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.SwingUtilities;
import picocli.CommandLine;

/**
 * Starts the desktop client: parses the command line, makes sure there is a display, then builds
 * the first window on the EDT, as the RSyntaxTextArea demo does. With {@code --room} it joins at
 * once; otherwise it shows the start screen.
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        LaunchOptions options = new LaunchOptions();
        CommandLine command = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            command.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("pairprog-desktop: " + e.getMessage() + " (see --help)");
            System.exit(2);
        }
        if (command.isUsageHelpRequested()) {
            command.usage(System.out);
            return;
        }
        if (command.isVersionHelpRequested()) {
            command.printVersionHelp(System.out);
            return;
        }
        String noDisplay = checkDisplay();
        if (noDisplay != null) {
            System.err.println("pairprog-desktop: " + noDisplay);
            System.exit(1);
        }
        // Tyrus and Grizzly log connection failures through JUL; the status bar reports them instead.
        Logger.getLogger("org.glassfish").setLevel(Level.SEVERE);
        SwingUtilities.invokeLater(() -> launch(options, Settings.user(), () -> System.exit(0)));
    }

    /**
     * Starts the app as the command line {@code args} say, with {@code settings}, on the EDT; returns
     * its context. {@code exit} runs when the last window closes. Tests start the app this way.
     *
     * @throws CommandLine.ParameterException when {@code args} are not valid
     */
    public static AppContext launch(String[] args, Settings settings, Runnable exit) {
        LaunchOptions options = new LaunchOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return launch(options, settings, exit);
    }

    private static AppContext launch(LaunchOptions options, Settings settings, Runnable exit) {
        boolean dark = options.theme == null ? settings.dark() : options.theme == LaunchOptions.Theme.dark;
        Themes.install(dark);
        AppContext context = new AppContext(settings, ServerConnection.connector(), exit);
        StartScreen start = context.showStartScreen(null);
        start.prefill(options.server, options.name, options.room);
        if (options.room != null) {
            start.join();
        }
        return context;
    }

    /** Null when windows can be shown, else a one-line reason. */
    static String checkDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            return "no display available. This is a desktop application: run it in a graphical session"
                    + " (on Linux, DISPLAY must be set; for a virtual one use xvfb-run).";
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return null;
        } catch (AWTError | HeadlessException | UnsatisfiedLinkError e) {
            return "cannot open the display: " + e.getMessage();
        }
    }
}
