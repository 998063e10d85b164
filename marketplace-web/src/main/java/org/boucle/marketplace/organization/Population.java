package org.boucle.marketplace.organization;

/** People an association serves. */
public enum Population {
    STUDENTS,
    JOB_SEEKERS,
    SENIORS,
    LOW_INCOME_HOUSEHOLDS,
    REFUGEES,
    PEOPLE_WITH_DISABILITIES,
    HOMELESS_PEOPLE,
    SCHOOLCHILDREN
}
