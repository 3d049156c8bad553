package io.pairprog.desktop.ui;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

/** "Save as…": a copy of the text, as it is now, to a local UTF-8 file; the writing happens off the EDT. */
final class SaveAs {

    private SaveAs() {
    }

    /** Asks where, then writes {@code text}; success goes to {@code notice}, failure to a dialog. */
    static void ask(Component parent, String suggestedName, String text, Consumer<String> notice) {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Save a copy of the room");
        chooser.setSelectedFile(new File(System.getProperty("user.home"), suggestedName));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        File file = chooser.getSelectedFile();
        if (file.exists() && JOptionPane.showConfirmDialog(parent, file.getName() + " exists. Replace it?", "Save as",
                JOptionPane.OK_CANCEL_OPTION) != JOptionPane.OK_OPTION) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).whenComplete((ok, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure == null) {
                notice.accept("Saved to " + file);
            } else {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                JOptionPane.showMessageDialog(parent, "Cannot save " + file + ":\n" + cause.getMessage(), "Save as",
                        JOptionPane.ERROR_MESSAGE);
            }
        }));
    }
}
