package org.boucle.marketplace.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.ImportReport.ImportStatus;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory", description = "Donors' asset inventories imported from GLPI, Snipe-IT and spreadsheets")
class InventoryApiController {

    private final Inventories inventories;
    private final InventoryCsv csv;

    InventoryApiController(Inventories inventories, InventoryCsv csv) {
        this.inventories = inventories;
        this.csv = csv;
    }

    /** The answer to an import: its counts, and the rows it rejected (the first ones; all in the error report). */
    record ImportResult(UUID importId, String status, int created, int updated, int unchanged, int flaggedMissing,
            List<org.boucle.marketplace.inventory.source.RowError> rejected, long rejectedCount) {

        static ImportResult of(ImportReport report) {
            return new ImportResult(report.importId(), report.status().name(), report.created(), report.updated(),
                    report.unchanged(), report.flaggedMissing(), report.rejected(), report.rejectedCount());
        }
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an export (glpi-json, glpi-csv, snipeit-json, snipeit-csv, csv, xlsx)",
            description = "mode all-or-nothing (default) imports nothing if any row is bad (422 with the rejected rows); "
                    + "valid-rows imports the good rows and reports the others. csv and xlsx need a saved mappingId.")
    ResponseEntity<?> importExport(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String mode,
            @RequestParam(required = false) UUID mappingId, @RequestParam(required = false) UUID organizationId,
            Actor actor) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "Attach the export as the multipart part 'file'");
        }
        SourceFormat sourceFormat = SourceFormat.fromCode(format == null ? "" : format)
                .orElseThrow(() -> new InvalidInputException("format",
                        "format must be one of glpi-json, glpi-csv, snipeit-json, snipeit-csv, csv, xlsx"));
        ImportMode importMode = mode == null ? ImportMode.ALL_OR_NOTHING : ImportMode.fromCode(mode)
                .orElseThrow(() -> new InvalidInputException("mode", "mode must be all-or-nothing or valid-rows"));
        ImportReport report;
        try (InputStream content = file.getInputStream()) {
            report = inventories.importNow(actor,
                    new Inventories.ImportRequest(organizationId, sourceFormat, importMode, mappingId, file.getOriginalFilename()),
                    content);
        }
        ImportResult result = ImportResult.of(report);
        if (report.status() == ImportStatus.COMPLETED) {
            return ResponseEntity.created(URI.create("/api/v1/inventory/imports/" + report.importId())).body(result);
        }
        if (report.status() == ImportStatus.REJECTED) {
            String detail = report.failure() != null ? report.failure()
                    : report.rejectedCount() + " row(s) are invalid; nothing was imported (use mode=valid-rows to import the others)";
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "import-rejected", "Import rejected", detail);
            problem.setProperty("importId", report.importId());
            problem.setProperty("rejected", report.rejected());
            problem.setProperty("rejectedCount", report.rejectedCount());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Import failed", report.failure());
        problem.setProperty("importId", report.importId());
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping("/imports")
    @Operation(summary = "A donor's import history: who imported what, when, with what result")
    List<ImportView> history(@RequestParam(required = false) UUID organizationId, Actor actor) {
        return inventories.history(actor, organizationId);
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "One import, with its progress while it runs")
    ImportView status(@PathVariable UUID id, Actor actor) {
        return inventories.importStatus(actor, id);
    }

    @GetMapping(path = "/imports", produces = "text/csv")
    @Operation(summary = "The import history as CSV")
    void historyCsv(@RequestParam(required = false) UUID organizationId, Actor actor, HttpServletResponse response)
            throws IOException {
        csv.imports(actor, organizationId, response);
    }

    @GetMapping(path = "/imports/{id}/errors", produces = "text/csv")
    @Operation(summary = "Every row an import rejected, as CSV (row;column;reason)")
    void errorReport(@PathVariable UUID id, Actor actor, HttpServletResponse response) throws IOException {
        csv.errors(actor, id, response);
    }

    @PostMapping("/mappings")
    @Operation(summary = "Save a column mapping for a donor's spreadsheets (same name replaces)")
    ResponseEntity<MappingView> saveMapping(@RequestParam(required = false) UUID organizationId,
            @Valid @RequestBody NewMapping mapping, Actor actor) {
        MappingView saved = inventories.saveMapping(actor, organizationId, mapping);
        return ResponseEntity.created(URI.create("/api/v1/inventory/mappings")).body(saved);
    }

    @GetMapping("/mappings")
    @Operation(summary = "A donor's saved column mappings")
    List<MappingView> mappings(@RequestParam(required = false) UUID organizationId, Actor actor) {
        return inventories.mappings(actor, organizationId);
    }

    @GetMapping("/policy")
    @Operation(summary = "A donor's renewal policy: lifetime in months per category")
    Map<Category, Integer> policy(@RequestParam(required = false) UUID organizationId, Actor actor) {
        return inventories.policy(actor, organizationId);
    }

    @PutMapping("/policy")
    @Operation(summary = "Change lifetimes per category; the donor's forecasts follow at once")
    Map<Category, Integer> updatePolicy(@RequestParam(required = false) UUID organizationId,
            @RequestBody Map<Category, Integer> lifetimes, Actor actor) {
        return inventories.updatePolicy(actor, organizationId, lifetimes);
    }
}
