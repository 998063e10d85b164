package org.boucle.marketplace.traceability;

import java.util.List;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.Problems;

/** A custody request with invalid fields, all reported at once. */
class InvalidCustodyRequestException extends InvalidInputException {

    private final List<Problems.FieldProblem> problems;

    InvalidCustodyRequestException(List<Problems.FieldProblem> problems) {
        super(problems.get(0).field(), problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    List<Problems.FieldProblem> problems() {
        return problems;
    }
}
