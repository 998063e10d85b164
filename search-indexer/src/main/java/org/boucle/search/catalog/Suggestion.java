package org.boucle.search.catalog;

/** A completion for what the user is typing: a model, a manufacturer and model, or a category. */
public record Suggestion(String text) {
}
