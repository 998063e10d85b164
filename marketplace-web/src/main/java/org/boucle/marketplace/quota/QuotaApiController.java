package org.boucle.marketplace.quota;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.CsvExport;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/quota")
@Tag(name = "Reuse quota", description = "Public buyers' minimum share of purchases from reuse (AGEC art. 58, décret n° 2024-134)")
class QuotaApiController {

    private final Quotas quotas;
    private final QuotaRules rules;
    private final PurchaseImports imports;
    private final DonationValues donationValues;
    private final Declaration declaration;

    QuotaApiController(Quotas quotas, QuotaRules rules, PurchaseImports imports, DonationValues donationValues,
            Declaration declaration) {
        this.quotas = quotas;
        this.rules = rules;
        this.imports = imports;
        this.donationValues = donationValues;
        this.declaration = declaration;
    }

    record Plan(UUID organizationId, Integer year, String category, BigDecimal plannedSpend) {
    }

    @GetMapping
    @Operation(summary = "Where a public buyer stands in a year", description = """
            organizationId: a public buyer sees its own (the default; any other id answers 404), coordinators name one.
            year: the current year by default. One entry per minimum of the rule set that applies to the year (the one
            that came into force last by its 31 December): totalSpend (every origin), qualifyingSpend (the origins that
            count), share = qualifyingSpend / totalSpend (a fraction; null when nothing was bought), minimumShare, met,
            missingSpend = max(0, (m·t − q) / (1 − m)) rounded up to the cent, the qualifying spend still needed given
            the spend so far (0 when nothing was bought: nothing bought, nothing owed). Amounts are euros excluding VAT.
            Counted: purchases imported for the year, orders paid on Boucle (réemploi, at their payment date in Paris;
            refunded or cancelled ones do not count), donations received at the grid's flat value.""")
    QuotaStatus quota(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year) {
        return quotas.status(actor, organizationId, year);
    }

    @GetMapping("/territory")
    @Operation(summary = "Every public buyer in a year, with the territory's totals (coordinators)")
    TerritoryQuota territory(Actor actor, @RequestParam(required = false) Integer year) {
        return quotas.territory(actor, year);
    }

    @GetMapping(path = "/declaration", produces = "text/csv")
    @Operation(summary = "The annual declaration as CSV: one row per minimum", description = """
            French headers, ';', decimal comma: category, total spend excluding VAT, spend from réemploi or
            réutilisation, spend with recycled content, share, minimum, met. Same parameters as GET /api/v1/quota.""")
    void declarationCsv(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        QuotaStatus status = quotas.status(actor, organizationId, year);
        try (CsvExport csv = CsvExport.to(response, Declaration.fileName(status, "csv"))) {
            declaration.csv(status, csv);
        }
    }

    @GetMapping(path = "/declaration", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The annual declaration as a PDF report")
    ResponseEntity<byte[]> declarationPdf(Actor actor, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year) {
        QuotaStatus status = quotas.status(actor, organizationId, year);
        return pdf(status, declaration.pdf(status));
    }

    static ResponseEntity<byte[]> pdf(QuotaStatus status, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(Declaration.fileName(status, "pdf").replaceAll("[^A-Za-z0-9._-]", "_")).build()
                        .toString())
                .body(pdf);
    }

    @PutMapping("/budget")
    @Operation(summary = "A buyer's planned spend in a category for a year, for the projection", description = """
            Body {organizationId?, year, category, plannedSpend}: euros excluding VAT; null removes the plan.""")
    Plan plan(Actor actor, @RequestBody Plan plan) {
        return new Plan(plan.organizationId(), plan.year(), plan.category(),
                quotas.plan(actor, plan.organizationId(), plan.year(), plan.category(), plan.plannedSpend()));
    }

    @GetMapping("/rule-sets")
    @Operation(summary = "Every rule set, the latest in force first", description = """
            A rule set is a legal text's annex as data: its categories, minimum shares per category and range of years
            with the origins that count (reuse, reutilisation, recycled_content), and which annex category each Boucle
            category falls in. Immutable once created.""")
    List<QuotaRuleSet> ruleSets(Actor actor) {
        PublicBuyers.requireQuotaActor(actor);
        return rules.ruleSets();
    }

    @GetMapping("/rule-sets/{id}")
    @Operation(summary = "One rule set")
    QuotaRuleSet ruleSet(Actor actor, @PathVariable UUID id) {
        PublicBuyers.requireQuotaActor(actor);
        return rules.find(id).orElseThrow(() -> new NotFoundException("quota rule set", id));
    }

    @GetMapping("/rule-sets/in-force")
    @Operation(summary = "The rule set that applies to a year (the current one by default)")
    QuotaRuleSet ruleSetInForce(Actor actor, @RequestParam(required = false) Integer year) {
        PublicBuyers.requireQuotaActor(actor);
        int y = year == null ? quotas.currentYear() : year;
        return rules.forYear(y).orElseThrow(() -> new NotFoundException("quota rule set for", y));
    }

    @PostMapping("/rule-sets")
    @Operation(summary = "Add a rule set when a text changes (coordinators)", description = """
            Body {name, legalReference, inForceFrom (date), note?, categories: [{code, name}], rules: [{category,
            fromYear, toYear?, minimumShare (fraction, 0.25 for 25 %), origins: [reuse|reutilisation|recycled_content]}],
            boucleCategories: {LAPTOP: code, ...}}. It applies to every year from inForceFrom's year on, until a later
            set. Every problem is reported with its field (400).""")
    ResponseEntity<QuotaRuleSet> createRuleSet(Actor actor, @RequestBody NewQuotaRuleSet request) {
        QuotaRuleSet created = rules.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/quota/rule-sets/" + created.id())).body(created);
    }

    @PostMapping(path = "/purchases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import purchases made outside Boucle (CSV)", description = """
            Multipart part 'file', CSV with the header date,category,description,supplier,amount_excl_vat,origin
            (';', ',' or tab; UTF-8 or Windows-1252; dates 31/12/2026 or 2026-12-31; amounts 1 234,56 € or 1234.56;
            category: a code or name of the rules that apply to the purchase's year; origin: new, reuse, reutilisation
            or recycled_content). organizationId: coordinators name the public buyer. All or nothing: any bad row
            answers 422 with every problem (row, column, reason) and stores nothing. The same file again answers 409.""")
    ResponseEntity<PurchaseImports.PurchaseImport> importPurchases(Actor actor,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) UUID organizationId)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "Attach the CSV file as the multipart part 'file'");
        }
        PurchaseImports.PurchaseImport created;
        try (InputStream content = file.getInputStream()) {
            created = imports.importFile(actor, organizationId, file.getOriginalFilename(), content);
        }
        return ResponseEntity.created(URI.create("/api/v1/quota/purchases/" + created.id())).body(created);
    }

    @GetMapping("/purchases")
    @Operation(summary = "A buyer's imports, the latest first")
    List<PurchaseImports.PurchaseImport> purchaseImports(Actor actor, @RequestParam(required = false) UUID organizationId) {
        return imports.imports(actor, organizationId);
    }

    @GetMapping("/purchases/{id}")
    @Operation(summary = "One import with its purchases")
    PurchaseImports.PurchaseImportDetail purchaseImport(Actor actor, @PathVariable UUID id) {
        return imports.detail(actor, id);
    }

    @DeleteMapping("/purchases/{id}")
    @Operation(summary = "Delete an import and its purchases, to correct a mistake")
    ResponseEntity<Void> deletePurchaseImport(Actor actor, @PathVariable UUID id) {
        imports.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/donation-values")
    @Operation(summary = "The flat values donations received count for, per unit of a Boucle category and date")
    List<DonationValues.DonationValue> donationValues(Actor actor) {
        PublicBuyers.requireQuotaActor(actor);
        return donationValues.values();
    }

    @PostMapping("/donation-values")
    @Operation(summary = "Add a value to the donation grid (coordinators)", description = """
            Body {category (LAPTOP, SCREEN...), validFrom (date), unitValue (euros), source}. A value never changes: a
            later one replaces it from its date. Donations count at the value in force on their date.""")
    ResponseEntity<DonationValues.DonationValue> createDonationValue(Actor actor,
            @RequestBody DonationValues.NewDonationValue request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(donationValues.create(actor, request));
    }

    @ExceptionHandler(InvalidQuotaRequestException.class)
    ProblemDetail invalid(InvalidQuotaRequestException e) {
        return Problems.invalid("Some fields are invalid", e.problems());
    }

    @ExceptionHandler(PurchaseImports.RejectedFileException.class)
    ResponseEntity<ProblemDetail> rejected(PurchaseImports.RejectedFileException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "import-rejected", "Import rejected",
                e.getMessage());
        problem.setProperty("rejected", e.errors());
        problem.setProperty("rejectedCount", e.errors().size());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(PurchaseImports.DuplicateFileException.class)
    ProblemDetail duplicate(PurchaseImports.DuplicateFileException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate-import", "Already imported", e.getMessage());
        problem.setProperty("importId", e.existing());
        return problem;
    }
}
