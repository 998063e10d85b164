package org.boucle.marketplace.traceability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Chain of custody")
class TraceabilityReportApiController {

    private final TraceabilityReports reports;
    private final TraceabilityReportFiles files;

    TraceabilityReportApiController(TraceabilityReports reports, TraceabilityReportFiles files) {
        this.reports = reports;
        this.files = files;
    }

    @GetMapping("/api/v1/traceability/report")
    @Operation(summary = "A donor's traceability report, one CSV row per device (UTF-8, ';')", description = """
            donorId: the caller's organization when left out (coordinators name any donor; others get 404). from and to:
            days, inclusive (Paris time), on when each device's custody began (its announcement). Per device: where it
            stands now (last step, site, holder), its outcome (reused: sold or donated; recycled: recycled or
            dismantled; in_chain), and its last successful wipe: workshop, method, tool, operator, and the data-wipe
            certificate's code and public verification URL (issued now if it was not yet).""")
    void csv(Actor actor, @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        files.csv(reports.report(actor, donorId, from, to), response);
    }

    @GetMapping("/api/v1/traceability/report.pdf")
    @Operation(summary = "A donor's traceability report as PDF (French)",
            description = "Parameters as the CSV: the share reused, every device, and the certificates' codes and URLs.")
    ResponseEntity<byte[]> pdf(Actor actor, @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        TraceabilityReport report = reports.report(actor, donorId, from, to);
        return WipeCertificateApiController.pdf(files.pdf(report), files.fileName(report, "pdf"));
    }
}
