package io.pairprog.desktop.support;

import java.awt.Component;
import java.awt.Container;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;
import org.assertj.swing.core.Robot;

/** Small helpers of the robot-driven GUI tests: waiting on a condition, finding components by name, key chords. */
public final class Gui {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private Gui() {
    }

    /**
     * Polls {@code probe} until it returns non-null and returns that; fails after {@link #WAIT} with
     * {@code what} and the last exception the probe threw. Probes that read Swing state use {@link OnEdt}.
     */
    public static <T> T await(String what, Callable<T> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.call();
                if (value != null) {
                    return value;
                }
            } catch (Exception | AssertionError e) {
                last = e;
            }
            sleep(50);
        }
        throw new AssertionError("gave up waiting for " + what + " after " + WAIT.toSeconds() + " s", last);
    }

    /** The first component named {@code name} under {@code root}, depth first; null if there is none. Call on the EDT. */
    public static Component component(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = component(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The components under {@code root} (itself included) whose text Swing renders as HTML, i.e.
     * that hold a {@link BasicHTML#propertyKey} view, each as "name: text". Call on the EDT.
     */
    public static List<String> htmlViews(Container root) {
        List<String> found = new ArrayList<>();
        if (root instanceof JComponent c && c.getClientProperty(BasicHTML.propertyKey) != null) {
            String text = c instanceof JLabel l ? l.getText() : c instanceof AbstractButton b ? b.getText() : "";
            found.add(c.getName() + ": " + text);
        }
        for (Component child : root.getComponents()) {
            if (child instanceof Container inner) {
                found.addAll(htmlViews(inner));
            }
        }
        return found;
    }

    /** Presses {@code keyCode} with Ctrl held, as a person types a shortcut. */
    public static void ctrl(Robot robot, int keyCode) {
        robot.pressKey(KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(keyCode);
        robot.releaseKey(KeyEvent.VK_CONTROL);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
