package io.pairprog.desktop.editor;

import io.pairprog.ot.Selection;
import io.pairprog.ot.TextOperation;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;
import javax.swing.text.Highlighter;

/**
 * Peers' carets and selections in the local document. Each selection is kept as a {@link Selection}
 * and moved through every change of the document ({@link #transform}), local or remote, the way
 * ot.js keeps its "other clients' cursors". Selected ranges are highlighter highlights in the
 * peer's colour; carets and name tags are painted over the text by {@link CollabTextArea}.
 */
final class RemoteCarets {

    private record Peer(String name, Color color, Selection selection, List<Object> highlights) {
    }

    private final CollabTextArea area;
    private final Map<String, Peer> peers = new LinkedHashMap<>();

    RemoteCarets(CollabTextArea area) {
        this.area = area;
    }

    /** Shows (or moves) a peer's selection; {@code selection} is in the local document. */
    void show(String clientId, String name, Color color, Selection selection) {
        remove(clientId);
        Selection clamped = clamp(selection, area.getDocument().getLength());
        peers.put(clientId, new Peer(name, color, clamped, addHighlights(clamped, color)));
        area.repaint();
    }

    /** Renames or recolours a peer that is shown, keeping where it is. */
    void relabel(String clientId, String name, Color color) {
        Peer peer = peers.get(clientId);
        if (peer != null && (!peer.name().equals(name) || !peer.color().equals(color))) {
            show(clientId, name, color, peer.selection());
        }
    }

    void remove(String clientId) {
        Peer peer = peers.remove(clientId);
        if (peer != null) {
            peer.highlights().forEach(area.getHighlighter()::removeHighlight);
            area.repaint();
        }
    }

    void clear() {
        new ArrayList<>(peers.keySet()).forEach(this::remove);
    }

    /** The document changed by {@code op}: every selection moves with it. */
    void transform(TextOperation op) {
        if (peers.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Peer> e : new ArrayList<>(peers.entrySet())) {
            Peer peer = e.getValue();
            Selection moved = clamp(peer.selection(), op.baseLength()).transform(op);
            peer.highlights().forEach(area.getHighlighter()::removeHighlight);
            peers.put(e.getKey(), new Peer(peer.name(), peer.color(), moved, addHighlights(moved, peer.color())));
        }
        area.repaint();
    }

    /** The selection shown for {@code clientId}, or null. */
    Selection selectionOf(String clientId) {
        Peer peer = peers.get(clientId);
        return peer == null ? null : peer.selection();
    }

    /** Paints each peer's caret as a bar in its colour, with its name in a tag above. */
    void paintCarets(Graphics2D g) {
        if (peers.isEmpty()) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font tagFont = area.getFont().deriveFont(Font.BOLD, Math.max(10f, area.getFont().getSize2D() - 3f));
            g2.setFont(tagFont);
            FontMetrics fm = g2.getFontMetrics();
            Rectangle visible = area.getVisibleRect();
            for (Peer peer : peers.values()) {
                for (Selection.Range range : peer.selection().ranges()) {
                    paintCaret(g2, fm, visible, peer, range.head());
                }
            }
        } finally {
            g2.dispose();
        }
    }

    private void paintCaret(Graphics2D g, FontMetrics fm, Rectangle visible, Peer peer, int offset) {
        Rectangle2D at;
        try {
            at = area.modelToView2D(offset);
        } catch (BadLocationException e) {
            return;
        }
        if (at == null || !visible.intersects(at.getBounds())) {
            return;
        }
        int x = (int) at.getX();
        int y = (int) at.getY();
        int h = (int) at.getHeight();
        g.setColor(peer.color());
        g.fillRect(x - 1, y, 2, h);
        int tagW = fm.stringWidth(peer.name()) + 8;
        int tagH = fm.getHeight();
        int tagY = y - tagH >= visible.y ? y - tagH : y + h; // above the line, or below it on the first line
        g.fillRoundRect(x - 1, tagY, tagW, tagH, 6, 6);
        g.setColor(contrastingText(peer.color()));
        g.drawString(peer.name(), x + 3, tagY + fm.getAscent());
    }

    private List<Object> addHighlights(Selection selection, Color color) {
        List<Object> tags = new ArrayList<>();
        Highlighter.HighlightPainter painter = new DefaultHighlighter.DefaultHighlightPainter(translucent(color));
        for (Selection.Range r : selection.ranges()) {
            int start = Math.min(r.anchor(), r.head());
            int end = Math.max(r.anchor(), r.head());
            if (start < end) {
                try {
                    tags.add(area.getHighlighter().addHighlight(start, end, painter));
                } catch (BadLocationException e) {
                    // clamped to the document above; a range outside it is simply not drawn
                }
            }
        }
        return tags;
    }

    private static Selection clamp(Selection selection, int length) {
        List<Selection.Range> ranges = new ArrayList<>();
        for (Selection.Range r : selection.ranges()) {
            ranges.add(new Selection.Range(Math.min(r.anchor(), length), Math.min(r.head(), length)));
        }
        return new Selection(ranges);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
    }

    private static Color contrastingText(Color background) {
        double luminance = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
        return luminance > 160 ? Color.BLACK : Color.WHITE;
    }
}
