package org.boucle.marketplace.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sharing-rules")
@Tag(name = "Value sharing")
class SharingRulesApiController {

    private final SharingRules rules;

    SharingRulesApiController(SharingRules rules) {
        this.rules = rules;
    }

    record PreviewRequest(String listingKind, String category, BigDecimal unitPrice, Integer quantity) {
    }

    @GetMapping
    @Operation(summary = "Every version of the value-sharing rules, the most recently created first", description = """
            Open to every signed-in actor: who receives what from a sale is public. A rule set applies to a listing
            kind and optionally one category; its lines are {role, basis: PER_UNIT (euros per unit) | PER_KG (euros per
            kg of the category's standard weight) | PERCENT (of what the buyer pays), value}; the seller takes the rest.""")
    List<RuleSet> ruleSets(Actor actor) {
        return rules.ruleSets();
    }

    @GetMapping("/in-force")
    @Operation(summary = "The rule set a sale of this kind and category, reserved at 'at' (default now), is shared by",
            description = """
                    The set for the category if one is in force, else the kind-wide one; the latest effective, the
                    highest version on a tie. Without category: the kind-wide set.""")
    RuleSet inForce(Actor actor, @RequestParam(required = false) String listingKind,
            @RequestParam(required = false) String category, @RequestParam(required = false) Instant at) {
        return rules.inForce(listingKind, category, at)
                .orElseThrow(() -> new NotFoundException("sharing rule set in force", listingKind));
    }

    @PostMapping
    @Operation(summary = "Create a new version of the rules (coordinators)", description = """
            Body {listingKind, category?, effectiveFrom?, note?, rules: [{role, basis, value}]}. The version is the
            previous one of the same kind and category plus one. effectiveFrom is now (the default) or later: history is
            never rewritten. Roles: WORKSHOP, COLLECTOR, DONOR, PLATFORM, SOLIDARITY_FUND, each at most once (the seller
            takes the rest); values have at most 2 decimals; percents are at most 100 in total.""")
    ResponseEntity<RuleSet> create(Actor actor, @RequestBody NewRuleSet request) {
        RuleSet created = rules.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/sharing-rules/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One version of the rules")
    RuleSet ruleSet(Actor actor, @PathVariable UUID id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("sharing rule set", id));
    }

    @PostMapping("/preview")
    @Operation(summary = "Where the money of such a sale goes, under the rules in force now", description = """
            Body {listingKind, category, unitPrice (euros incl. VAT; 0 or null for a donation), quantity}. Amounts in
            cents; subsidyCents is what the solidarity fund adds when the fees exceed the price.""")
    SharingRules.SplitPreview preview(Actor actor, @RequestBody PreviewRequest request) {
        return rules.preview(request.listingKind(), request.category(), request.unitPrice(), request.quantity());
    }

    @ExceptionHandler(InvalidRuleSetException.class)
    ProblemDetail invalid(InvalidRuleSetException e) {
        return Problems.invalid("Some fields are invalid", e.problems());
    }
}
