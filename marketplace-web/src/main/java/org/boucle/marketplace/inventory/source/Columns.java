package org.boucle.marketplace.inventory.source;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a known format's columns are, found by header text compared without case, accents or punctuation.
 * GLPI prefixes linked fields with their group ("Composants - Processeur"): such prefixes are dropped when the
 * full header is unknown. The first column with a given meaning wins; unknown columns are ignored.
 */
final class Columns<E extends Enum<E>> {

    private final Map<E, Integer> indexes;
    private final List<String> header;

    private Columns(Map<E, Integer> indexes, List<String> header) {
        this.indexes = indexes;
        this.header = header;
    }

    static <E extends Enum<E>> Columns<E> find(List<String> header, Class<E> type, Map<String, E> aliases,
            List<String> groups) {
        Map<E, Integer> indexes = new EnumMap<>(type);
        for (int i = 0; i < header.size(); i++) {
            String key = Text.key(header.get(i));
            E column = aliases.get(key);
            for (int g = 0; column == null && g < groups.size(); g++) {
                if (key.startsWith(groups.get(g) + ' ')) {
                    column = aliases.get(key.substring(groups.get(g).length() + 1));
                }
            }
            if (column != null) {
                indexes.putIfAbsent(column, i);
            }
        }
        return new Columns<>(indexes, header);
    }

    boolean has(E column) {
        return indexes.containsKey(column);
    }

    Iterable<Integer> indexes() {
        return indexes.values();
    }

    /** The cell as written, or null when the column is absent or the row short. */
    String raw(TableRow row, E column) {
        Integer index = indexes.get(column);
        return index == null ? null : row.cell(index);
    }

    String name(E column) {
        Integer index = indexes.get(column);
        return index == null ? column.name() : header.get(index);
    }

    /** Cleaned text. */
    String text(TableRow row, E column, AssetDraft draft) {
        return draft.text(name(column), raw(row, column));
    }
}
