package org.boucle.marketplace.organization;

/** What an organization does in the territory's reuse chain; one organization may hold several. */
public enum OrganizationRole {
    /** An employer's IT department that retires equipment. */
    DONOR,
    COLLECTOR,
    /** Sorting, data wiping, refurbishing, repair. */
    WORKSHOP,
    RESELLER,
    /** A social-priority recipient serving vulnerable people. */
    ASSOCIATION,
    /** A public body bound by the reuse quota (AGEC art. 58). */
    PUBLIC_BUYER,
    PRIVATE_BUYER,
    /** Sees and steers the whole territory. */
    COORDINATOR
}
