package org.boucle.marketplace.demand;

import java.util.List;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.Problems;

/** A need or a priority with one or more invalid fields, all reported at once. */
class InvalidDemandException extends InvalidInputException {

    private final List<Problems.FieldProblem> problems;

    InvalidDemandException(List<Problems.FieldProblem> problems) {
        super(problems.get(0).field(), problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    List<Problems.FieldProblem> problems() {
        return problems;
    }
}
