package org.boucle.marketplace.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Value sharing")
class LedgerApiController {

    private final Ledger ledger;
    private final TransactionTemplate transactions;

    LedgerApiController(Ledger ledger, TransactionTemplate transactions) {
        this.ledger = ledger;
        this.transactions = transactions;
    }

    record BalanceView(String kind, java.util.UUID organizationId, String organizationName, BigDecimal balance,
            long balanceCents) {
    }

    @GetMapping("/api/v1/ledger/balances")
    @Operation(summary = "Ledger balances", description = """
            What each account is owed (credited shares minus what was paid out). Coordinators see every account;
            others see their own organization's and the solidarity fund's.""")
    List<BalanceView> balances(Actor actor) {
        return ledger.balances().stream()
                .filter(b -> actor.isCoordinator() || b.kind().equals("SOLIDARITY_FUND")
                        || actor.organizationId().equals(b.organizationId()))
                .map(b -> new BalanceView(b.kind(), b.organizationId(), b.organizationName(),
                        BigDecimal.valueOf(b.balanceCents(), 2), b.balanceCents()))
                .toList();
    }

    record Contribution(BigDecimal amount, String reference) {
    }

    @PostMapping("/api/v1/ledger/solidarity-fund/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record money given to the solidarity fund from outside (coordinators)",
            description = "A grant or a patron's gift, in euros with at most 2 decimals, with its reference.")
    Map<String, Object> contribute(Actor actor, @RequestBody Contribution contribution) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators record contributions");
        }
        BigDecimal amount = contribution.amount();
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("amount", "a positive amount in euros with at most 2 decimals");
        }
        String reference = contribution.reference() == null ? "" : contribution.reference().strip();
        if (reference.isEmpty() || reference.length() > 200) {
            throw new InvalidInputException("reference", "required, at most 200 characters");
        }
        long cents = amount.movePointRight(2).longValueExact();
        var journal = transactions.execute(status -> ledger.post(null, "EUR", "Contribution : " + reference, List.of(
                new Ledger.Posting(Ledger.Account.CONTRIBUTIONS.id(), -cents, null),
                new Ledger.Posting(Ledger.Account.SOLIDARITY_FUND.id(), cents, null))));
        return Map.of("journalId", journal, "solidarityFundBalance",
                BigDecimal.valueOf(ledger.balance(Ledger.Account.SOLIDARITY_FUND.id()), 2));
    }
}
