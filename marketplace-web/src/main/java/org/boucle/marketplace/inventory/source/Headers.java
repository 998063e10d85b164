package org.boucle.marketplace.inventory.source;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting a file's header back to the user. */
final class Headers {

    private static final int SHOWN = 12;

    private Headers() {
    }

    /** The first columns, quoted: "Nom", "Prix", ... */
    static String sample(List<String> header) {
        String shown = header.stream().limit(SHOWN).filter(name -> !name.isEmpty()).map(Text::quote)
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "(nothing)" : header.size() > SHOWN ? shown + ", ..." : shown;
    }
}
