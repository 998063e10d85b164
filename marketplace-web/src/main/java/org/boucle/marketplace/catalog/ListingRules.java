package org.boucle.marketplace.catalog;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.boucle.marketplace.organization.Organization;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Everything a listing must satisfy, checked in one pass so that every invalid field is reported together: the
 * draft's own constraints, then what depends on the kind (grade, battery) and on the seller (its sites).
 */
@Component
class ListingRules {

    static final String CURRENCY = "EUR";

    private final Validator validator;
    private final MessageSource messages;

    ListingRules(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    void check(ListingDraft draft, ListingKind kind, Organization seller) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ListingDraft> violation : validator.validate(draft)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (kind == ListingKind.REFURBISHED) {
            if (draft.grade() == null) {
                problems.add(problem("grade", "catalog.error.gradeRequired"));
            }
            Integer battery = draft.batteryHealthPercent();
            if (Grade.needsBatteryHealth(draft.category())) {
                if (battery == null) {
                    problems.add(problem("batteryHealthPercent", "catalog.error.batteryRequired"));
                } else if (draft.grade() != null && battery >= 0 && battery < draft.grade().minBatteryHealthPercent()) {
                    problems.add(problem("batteryHealthPercent", "catalog.error.batteryBelowGrade",
                            draft.grade().minBatteryHealthPercent(), draft.grade().name()));
                }
            }
        } else if (draft.grade() != null) {
            problems.add(problem("grade", "catalog.error.gradeForLot"));
        }
        if (Boolean.TRUE.equals(draft.donation()) && draft.unitPrice() != null) {
            problems.add(problem("unitPrice", "catalog.error.priceAndDonation"));
        }
        if (Boolean.FALSE.equals(draft.donation()) && draft.unitPrice() == null) {
            problems.add(problem("unitPrice", "catalog.error.priceRequired"));
        }
        if (draft.currency() != null && !CURRENCY.equals(draft.currency())) {
            problems.add(problem("currency", "catalog.error.currency"));
        }
        if (draft.availableFrom() != null && draft.availableUntil() != null
                && draft.availableUntil().isBefore(draft.availableFrom())) {
            problems.add(problem("availableUntil", "catalog.error.until"));
        }
        if (draft.siteId() != null && seller.sites().stream().noneMatch(site -> site.id().equals(draft.siteId()))) {
            problems.add(problem("siteId", "catalog.error.site"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidListingException(problems);
        }
    }

    FieldProblem problem(String field, String key, Object... arguments) {
        return new FieldProblem(field, message(key, arguments));
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
