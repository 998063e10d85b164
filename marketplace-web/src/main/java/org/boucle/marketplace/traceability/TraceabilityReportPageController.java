package org.boucle.marketplace.traceability;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The traceability report's downloads for a logged-in donor (the API answers tokens and HTTP Basic). */
@Controller
class TraceabilityReportPageController {

    private final TraceabilityReports reports;
    private final TraceabilityReportFiles files;

    TraceabilityReportPageController(TraceabilityReports reports, TraceabilityReportFiles files) {
        this.reports = reports;
        this.files = files;
    }

    @GetMapping("/traceability/report.csv")
    void csv(Actor actor, @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        files.csv(reports.report(actor, donorId, from, to), response);
    }

    @GetMapping("/traceability/report.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        TraceabilityReport report = reports.report(actor, donorId, from, to);
        return WipeCertificateApiController.pdf(files.pdf(report), files.fileName(report, "pdf"));
    }
}
