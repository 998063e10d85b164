package org.boucle.marketplace.traceability;

import java.util.List;

/** An EPCIS document not imported: every event at fault, by its index in the document's eventList. */
public class EpcisImportRejectedException extends RuntimeException {

    /** Why an event, or the document (index absent), cannot be imported. */
    public record EventProblem(Integer index, String eventID, String field, String code, String reason) {
    }

    private final boolean refused;
    private final List<EventProblem> problems;

    /**
     * @param refused true when the document is valid but steps are impossible (422), false when it is malformed (400)
     */
    EpcisImportRejectedException(boolean refused, List<EventProblem> problems) {
        super(problems.size() + " problem(s) in the EPCIS document; nothing was recorded");
        this.refused = refused;
        this.problems = List.copyOf(problems);
    }

    public boolean refused() {
        return refused;
    }

    public List<EventProblem> problems() {
        return problems;
    }
}
