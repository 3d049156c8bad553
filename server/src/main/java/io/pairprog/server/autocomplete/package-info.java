/**
 * Autocomplete for {@code POST /autocomplete}: rules first, an optional language model on top.
 *
 * <p>The model of the package, and the invariants it keeps:
 * <ul>
 *   <li>A suggestion is <em>text to insert at the cursor</em>. Nothing is ever replaced, so a completion
 *       of {@code tot} into {@code total} is {@code "al"}, and a name only completes a word typed in
 *       the same case.</li>
 *   <li>Positions are UTF-16 code units, as everywhere in the protocol.</li>
 *   <li>The seed's five keyword rules ({@link io.pairprog.server.autocomplete.SeedRules}) answer exactly
 *       as the seed did for Python, plain text and unknown languages; no model overrides them.</li>
 *   <li>Nothing is suggested inside a string or a comment ({@link io.pairprog.server.autocomplete.Lexer}).</li>
 *   <li>The rules are pure functions of (code, cursor, language): no state, no I/O, about one pass over
 *       the text. Only {@link io.pairprog.server.autocomplete.OpenAiCompletionsModel} does I/O, and
 *       only when an address is configured.</li>
 * </ul>
 *
 * <p>Entry point: {@link io.pairprog.server.autocomplete.CompletionEngine}. Per-language tables:
 * {@code PythonRules}, {@code JavaRules}, {@code JavaScriptRules}, {@code GoRules}; everything else is
 * plain text. Behaviour, ranking and numbers: {@code docs/autocomplete.md}.
 */
package io.pairprog.server.autocomplete;
