package io.pairprog.server.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * View-only keys: 128 random bits in URL-safe base64 (22 characters). Random rather than derived from the
 * room id, so that no computation on a view link yields the id, which is the right to edit.
 */
public final class ViewIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ViewIds() {
    }

    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True if {@code s} has the form of a view key (whether or not such a room exists). */
    public static boolean isWellFormed(String s) {
        return s != null && FORM.matcher(s).matches();
    }
}
