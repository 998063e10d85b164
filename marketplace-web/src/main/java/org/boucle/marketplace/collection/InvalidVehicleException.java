package org.boucle.marketplace.collection;

import java.util.List;
import org.boucle.marketplace.platform.Problems.FieldProblem;

/** A vehicle that cannot be declared as given: every field at fault. */
class InvalidVehicleException extends RuntimeException {

    private final List<FieldProblem> problems;

    InvalidVehicleException(List<FieldProblem> problems) {
        super("Some fields are invalid");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
