package org.boucle.engine.allocation;

/**
 * The territory's grading scale for refurbished equipment (A like new, B good, C fair), as the catalogue publishes it.
 * An upcoming lot carries the grade its donor and workshop expect once it is refurbished.
 */
public enum Grade {
    A,
    B,
    C;

    /** Whether a unit of this grade satisfies a demand that accepts at worst {@code minimum}. */
    public boolean meets(Grade minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
