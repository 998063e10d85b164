package org.boucle.marketplace.quota;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a purchased good comes from, in the words of article L. 541-1-1 of the environment code: new, reused
 * (réemploi: never a waste), prepared for reuse (réutilisation: a waste given a new life) or new with recycled
 * content. Written in the API and in files as its code.
 */
public enum Origin {
    NEW("new"),
    REUSE("reuse"),
    REUTILISATION("reutilisation"),
    RECYCLED_CONTENT("recycled_content");

    private final String code;

    Origin(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The origin of a code as people type it: any case, surrounding spaces ignored. */
    public static Optional<Origin> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(origin -> origin.code.equals(wanted)).findFirst();
    }
}
