package io.pairprog.server.autocomplete;

import java.util.Optional;

/**
 * A language model that continues code. The engine puts its answer first and keeps the rules' answers
 * behind it, so a provider may fail in any way it likes: it answers empty instead of throwing.
 */
public interface ModelProvider {

    /** The model's continuation of {@code prefix} (the code up to the cursor), or empty on any failure. */
    Optional<String> complete(String prefix);
}
