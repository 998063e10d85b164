package org.boucle.search.catalog;

/**
 * One bucket of a facet.
 *
 * @param value what to send back as a filter (a code, a folded manufacturer, a commune code, a seller id)
 * @param label how to show it (manufacturer as written, commune name, seller name, category label)
 * @param count matching listings when this value is selected, all other filters applied
 */
public record FacetValue(String value, String label, long count) {
}
