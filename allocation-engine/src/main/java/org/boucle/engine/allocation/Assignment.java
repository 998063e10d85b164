package org.boucle.engine.allocation;

/** Units of a supply batch that go to a demand. */
public record Assignment(String supplyId, String demandId, int quantity) {

    public Assignment {
        if (supplyId == null || demandId == null || quantity < 1) {
            throw new IllegalArgumentException("an assignment names its supply and demand and has at least 1 unit");
        }
    }
}
