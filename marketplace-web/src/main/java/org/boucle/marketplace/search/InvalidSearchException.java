package org.boucle.marketplace.search;

import java.util.List;
import java.util.Map;
import org.boucle.marketplace.platform.Problems.FieldProblem;

/** Search parameters that cannot be run, each named with what is wrong with it. */
class InvalidSearchException extends RuntimeException {

    /** The library's names for what the API calls its query parameters. */
    private static final Map<String, String> PARAMETERS = Map.of("text", "q", "kinds", "kind", "categories", "category",
            "grades", "grade", "manufacturers", "manufacturer", "communes", "commune", "sellerIds", "seller");

    private final List<FieldProblem> errors;

    InvalidSearchException(List<FieldProblem> errors) {
        super("Some search parameters are invalid");
        this.errors = List.copyOf(errors);
    }

    /** From the search library's own checks, whose messages start with the parameter's name ("cursor: ..."). */
    static InvalidSearchException of(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(':');
        String field = colon > 0 ? PARAMETERS.getOrDefault(message.substring(0, colon).strip(),
                message.substring(0, colon).strip()) : "parameters";
        String reason = colon > 0 ? message.substring(colon + 1).strip() : message;
        return new InvalidSearchException(List.of(new FieldProblem(field, reason)));
    }

    List<FieldProblem> errors() {
        return errors;
    }
}
