package io.pairprog.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * What a file path in a room may be: names separated by {@code /}, relative, without {@code .} or
 * {@code ..}, and with no character that some system the files are written to (the desktop app's shared
 * folder, a zip opened on Windows) would refuse or read differently. Checked at every door (REST,
 * WebSocket, zip import) before the path means anything; the same rules are in the web's {@code files.js}.
 *
 * <p>Law: {@code check(p)} is empty exactly when {@code p} may name a file, and then {@code p} is already in
 * its only spelling (no normalisation happens: {@code a//b} is refused, not read as {@code a/b}), so two
 * paths name the same file exactly when they are equal strings.
 */
public final class FilePaths {
    public static final int MAX_LENGTH = 512;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_DEPTH = 16;
    private static final String RESERVED = "<>:\"|?*\\";

    private FilePaths() {
    }

    /** Why {@code path} cannot name a file, or empty when it can. */
    public static Optional<ProtocolException> check(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.matches("(?s)^[A-Za-z]:.*")) {
            return refuse(ErrorCode.PATH_NOT_RELATIVE, "a path is relative, like src/main.py");
        }
        if (path.length() > MAX_LENGTH) {
            return refuse(ErrorCode.PATH_TOO_LONG, "a path has at most " + MAX_LENGTH + " characters");
        }
        String[] names = path.split("/", -1);
        if (names.length > MAX_DEPTH) {
            return refuse(ErrorCode.PATH_TOO_DEEP, "a path has at most " + MAX_DEPTH + " names");
        }
        for (String name : names) {
            Optional<ProtocolException> bad = checkName(name);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static Optional<ProtocolException> checkName(String name) {
        if (name.isEmpty()) {
            return refuse(ErrorCode.PATH_NOT_RELATIVE, "a path has no empty names (no //, no / at the end)");
        }
        if (name.equals(".") || name.equals("..")) {
            return refuse(ErrorCode.PATH_TRAVERSAL, "a path has no . or .. names");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return refuse(ErrorCode.PATH_TOO_LONG, "a file or folder name has at most " + MAX_NAME_LENGTH
                    + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return refuse(ErrorCode.PATH_BAD_CHARACTER, String.format(Locale.ROOT,
                        "a path holds no control characters (U+%04X)", (int) c));
            }
            if (RESERVED.indexOf(c) >= 0) {
                return refuse(ErrorCode.PATH_BAD_CHARACTER, "a path holds none of \\ < > : \" | ? * (found " + c + ")");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                return refuse(ErrorCode.PATH_BAD_CHARACTER, "a path holds no unpaired surrogate");
            }
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return refuse(ErrorCode.PATH_BAD_CHARACTER, "a file or folder name does not end in a dot or a space");
        }
        return Optional.empty();
    }

    /** {@code path} if it may name a file; else the reason, as a {@link ProtocolException}. */
    public static String require(String path) throws ProtocolException {
        Optional<ProtocolException> bad = check(path);
        if (bad.isPresent()) {
            throw bad.get();
        }
        return path;
    }

    /** The folder {@code path} is in, with its trailing {@code /}; empty for a file at the top. */
    public static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** Whether {@code path} is {@code folder} itself or inside it ({@code folder} given without a trailing {@code /}). */
    public static boolean isWithin(String path, String folder) {
        return path.equals(folder) || path.startsWith(folder + "/");
    }

    private static Optional<ProtocolException> refuse(ErrorCode code, String why) {
        return Optional.of(new ProtocolException(code, why));
    }
}
