package org.boucle.marketplace.quota.supply;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a retired device went. The first four are the decree's reuse channels (art. 2): transfer to another public
 * body, sale, donation (to staff, associations, foundations), take-back by an approved eco-organisation or the
 * original supplier for reuse. A sale or take-back counts as reuse only when the taker committed to reuse or prepare
 * for reuse: one for scrap is declared as recycling.
 */
public enum Channel {
    TRANSFER_PUBLIC_BODY(true),
    SALE(true),
    DONATION(true),
    TAKE_BACK_REUSE(true),
    RECYCLING(false),
    DESTRUCTION(false);

    private final boolean reuse;

    Channel(boolean reuse) {
        this.reuse = reuse;
    }

    /** The code files and the API use: transfer_public_body, sale... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean reuse() {
        return reuse;
    }

    static Optional<Channel> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(Channel::code).collect(Collectors.joining(", "));
    }
}
