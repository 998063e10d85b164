package org.boucle.marketplace.demand;

/**
 * The documented criteria a coordinator applies when weighing an association's need (its social priority, 1 to 10).
 * The association never sets its own weight; the coordinator records which criteria justified it, with a note.
 */
public enum PriorityCriterion {
    /** Many people depend on the equipment: the population the association serves with it, not its size. */
    PEOPLE_SERVED,
    /** The need has a near deadline with a real consequence: a school term, a training session, a job search. */
    URGENCY,
    /** The equipment serves a recognised digital-inclusion programme (France Services, Conseillers numériques, Pass numérique). */
    DIGITAL_INCLUSION_PROGRAMME,
    /** The people served are especially vulnerable: refugees, people with disabilities, isolated seniors, homeless people. */
    VULNERABLE_PUBLIC,
    /** The association has no other way to equip them: no budget, no other donor, no public scheme covering it. */
    NO_OTHER_SOURCE
}
