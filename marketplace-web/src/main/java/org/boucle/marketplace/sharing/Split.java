package org.boucle.marketplace.sharing;

import java.util.List;
import java.util.UUID;

/**
 * How a sale is shared, and by which rule set version. The shares sum exactly to amountCents + subsidyCents.
 * subsidyCents &gt; 0 when the chain's fees exceed what the buyer pays (a donation, a discounted sale): the solidarity
 * fund must cover it.
 */
public record Split(UUID ruleSetId, int ruleVersion, List<Share> shares, long subsidyCents) {

    public Split {
        shares = List.copyOf(shares);
    }
}
