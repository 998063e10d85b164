package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.Problems.FieldProblem;

/**
 * The custody state machine. A device's state is its last step, its holder, and whether it was ever wiped successfully
 * and graded. Before any event the donor holds it.
 *
 * <pre>
 * (none) --ANNOUNCED (donor)--> ANNOUNCED --COLLECTED (a collector)--> COLLECTED --RECEIVED (a workshop)--> at workshop
 * at workshop: SORTED, DATA_WIPED, GRADED, REFURBISHED, in any order and again (the holder)
 *              LISTED            once wiped and graded
 *              RESERVED          once listed; LISTED again releases it
 *              SOLD, DONATED     once wiped and graded: handed over to the buyer or association, or out of the chain
 *              DISMANTLED        once wiped: the parts stay with the workshop
 *              RECYCLED          through a WEEE channel
 * SOLD, DONATED, RECYCLED, DISMANTLED are final: nothing is recorded after them.
 * </pre>
 *
 * Only the holder records the next step, except the two acceptances of a handover: the collector that takes an
 * announced device records COLLECTED (the announcement is the donor's release), the workshop that takes a collected
 * device records RECEIVED. COLLECTED makes the collector the holder, RECEIVED the workshop; SOLD and DONATED hand the
 * device to the Boucle organization named in the details (or out of the chain); RECYCLED takes it out of the chain.
 */
final class CustodyRules {

    static final Set<String> WIPE_METHODS = Set.of("NIST_800_88_CLEAR", "NIST_800_88_PURGE", "NIST_800_88_DESTROY",
            "IEEE_2883_CLEAR", "IEEE_2883_PURGE", "IEEE_2883_DESTRUCT");
    static final Set<String> WIPE_RESULTS = Set.of("SUCCESS", "FAILURE");
    static final Set<String> GRADES = Set.of("A", "B", "C");
    private static final Set<CustodyStep> AT_WORKSHOP = EnumSet.of(CustodyStep.RECEIVED, CustodyStep.SORTED,
            CustodyStep.DATA_WIPED, CustodyStep.GRADED, CustodyStep.REFURBISHED);
    private static final Set<CustodyStep> ON_SALE = EnumSet.of(CustodyStep.LISTED, CustodyStep.RESERVED);

    private CustodyRules() {
    }

    /** Where a device stands: its last step (null before any), holder (null: out of the chain), wipe and grade. */
    record DeviceState(UUID donorId, CustodyStep last, UUID holderId, boolean wiped, boolean graded) {

        UUID currentHolder() {
            return last == null ? donorId : holderId;
        }
    }

    /** Why a step is refused: a message key under {@code custody.refused.} and its arguments. */
    record Refusal(String code, Object... arguments) {
    }

    /**
     * Whether an organization may record this step on a device now.
     *
     * @param readable whether the organization may read the device: others are only told it is not theirs
     */
    static Optional<Refusal> check(DeviceState state, CustodyStep step, UUID organizationId,
            Set<OrganizationRole> roles, boolean readable) {
        CustodyStep last = state.last();
        boolean handover = step == CustodyStep.COLLECTED || step == CustodyStep.RECEIVED;
        if (!handover && !organizationId.equals(state.currentHolder())) {
            return refuse(readable && last != null && last.isFinal() ? "finished" : "not-holder", last);
        }
        if (step == CustodyStep.COLLECTED && !roles.contains(OrganizationRole.COLLECTOR)) {
            return refuse("collector-only");
        }
        if (step == CustodyStep.RECEIVED && !roles.contains(OrganizationRole.WORKSHOP)) {
            return refuse("workshop-only");
        }
        if (last != null && last.isFinal()) {
            return refuse("finished", last);
        }
        return switch (step) {
            case ANNOUNCED -> last == null ? ok() : refuse("already-announced");
            case COLLECTED -> last == null ? refuse("not-announced")
                    : last == CustodyStep.ANNOUNCED ? ok() : refuse("already-collected");
            case RECEIVED -> last == null || last == CustodyStep.ANNOUNCED ? refuse("not-collected")
                    : last == CustodyStep.COLLECTED ? ok() : refuse("already-received");
            case SORTED, DATA_WIPED, GRADED, REFURBISHED, RECYCLED -> atWorkshop(last);
            case DISMANTLED -> atWorkshop(last).or(() -> state.wiped() ? ok() : refuse("not-wiped"));
            case LISTED -> last == CustodyStep.LISTED ? refuse("already-listed") : readyForSale(state);
            case RESERVED -> last == CustodyStep.LISTED ? ok()
                    : last == CustodyStep.RESERVED ? refuse("already-reserved") : refuse("not-listed");
            case SOLD, DONATED -> readyForSale(state);
        };
    }

    private static Optional<Refusal> atWorkshop(CustodyStep last) {
        return last != null && (AT_WORKSHOP.contains(last) || ON_SALE.contains(last)) ? ok() : refuse("not-received");
    }

    private static Optional<Refusal> readyForSale(DeviceState state) {
        return atWorkshop(state.last())
                .or(() -> state.wiped() ? ok() : refuse("not-wiped"))
                .or(() -> state.graded() ? ok() : refuse("not-graded"));
    }

    /**
     * Who holds the device after the step.
     *
     * @param recipient the Boucle organization a sale or gift hands it to, if any
     */
    static UUID holderAfter(DeviceState state, CustodyStep step, UUID organizationId, UUID recipient) {
        return switch (step) {
            case COLLECTED, RECEIVED -> organizationId;
            case SOLD, DONATED -> recipient;
            case RECYCLED -> null;
            default -> state.currentHolder();
        };
    }

    /** Whether a successful wipe: only those allow a device to be sold, given or dismantled. */
    static boolean wipeSucceeded(CustodyStep step, JsonNode details) {
        return step == CustodyStep.DATA_WIPED && "SUCCESS".equals(details.path("result").asText());
    }

    /** What is missing or wrong in a step's details, field by field ({@code details.method}...). */
    static List<FieldProblem> detailProblems(CustodyStep step, JsonNode details) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (step) {
            case DATA_WIPED -> {
                oneOf(details, "method", WIPE_METHODS, problems);
                text(details, "tool", problems);
                text(details, "operator", problems);
                oneOf(details, "result", WIPE_RESULTS, problems);
                JsonNode media = details.path("media");
                if (!media.isArray() || media.isEmpty()) {
                    problems.add(new FieldProblem("details.media",
                            "Required: each storage medium wiped, as [{serial, type?}]"));
                } else {
                    for (int i = 0; i < media.size(); i++) {
                        if (!media.get(i).path("serial").isTextual() || media.get(i).path("serial").asText().isBlank()) {
                            problems.add(new FieldProblem("details.media[" + i + "].serial",
                                    "Required: the storage medium's serial number"));
                        }
                    }
                }
            }
            case GRADED -> oneOf(details, "grade", GRADES, problems);
            case RECYCLED -> text(details, "weeeChannel", problems);
            case SOLD -> optionalId(details, "buyerOrganizationId", problems);
            case DONATED -> optionalId(details, "recipientOrganizationId", problems);
            case REFURBISHED -> {
                JsonNode parts = details.path("partsReplaced");
                if (!parts.isMissingNode() && !parts.isArray()) {
                    problems.add(new FieldProblem("details.partsReplaced", "A list of the parts replaced"));
                }
            }
            default -> {
            }
        }
        return problems;
    }

    private static void oneOf(JsonNode details, String field, Set<String> values, List<FieldProblem> problems) {
        if (!values.contains(details.path(field).asText())) {
            problems.add(new FieldProblem("details." + field, "Required, one of " + values.stream().sorted().toList()));
        }
    }

    private static void text(JsonNode details, String field, List<FieldProblem> problems) {
        if (!details.path(field).isTextual() || details.path(field).asText().isBlank()) {
            problems.add(new FieldProblem("details." + field, "Required"));
        }
    }

    private static void optionalId(JsonNode details, String field, List<FieldProblem> problems) {
        JsonNode value = details.path(field);
        if (!value.isMissingNode() && !value.isNull() && uuid(value.asText()) == null) {
            problems.add(new FieldProblem("details." + field, "Expected an organization id"));
        }
    }

    /** A UUID, or null for anything else. */
    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Refusal> ok() {
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, Object... arguments) {
        return Optional.of(new Refusal(code, arguments));
    }
}
