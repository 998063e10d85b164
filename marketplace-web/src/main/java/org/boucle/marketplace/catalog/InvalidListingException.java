package org.boucle.marketplace.catalog;

import java.util.List;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.Problems;

/** A listing with one or more invalid fields: all of them are reported at once, so the seller fixes them in one go. */
public class InvalidListingException extends InvalidInputException {

    private final List<Problems.FieldProblem> problems;

    public InvalidListingException(List<Problems.FieldProblem> problems) {
        super(problems.get(0).field(), problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidListingException(String field, String message) {
        this(List.of(new Problems.FieldProblem(field, message)));
    }

    public List<Problems.FieldProblem> problems() {
        return problems;
    }
}
