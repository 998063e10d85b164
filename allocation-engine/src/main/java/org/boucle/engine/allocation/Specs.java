package org.boucle.engine.allocation;

/**
 * What a unit offers, or the least a demand accepts (0: no minimum). Fields that do not apply to a category
 * (a screen has no RAM) are 0.
 *
 * @param cpuGeneration the processor's generation within its family (Intel Core 8 for an i5-8365U)
 */
public record Specs(int ramGb, int storageGb, int cpuGeneration, double screenInches) {

    public static final Specs NONE = new Specs(0, 0, 0, 0);

    public Specs {
        if (ramGb < 0 || storageGb < 0 || cpuGeneration < 0 || !(screenInches >= 0 && screenInches < 200)) {
            throw new IllegalArgumentException("specs must be at least 0 (screen below 200 inches): ram " + ramGb
                    + " GB, storage " + storageGb + " GB, CPU generation " + cpuGeneration + ", screen " + screenInches);
        }
    }

    /** Whether these specs reach every minimum of {@code minimum}. */
    public boolean meets(Specs minimum) {
        return ramGb >= minimum.ramGb && storageGb >= minimum.storageGb && cpuGeneration >= minimum.cpuGeneration
                && screenInches >= minimum.screenInches;
    }
}
