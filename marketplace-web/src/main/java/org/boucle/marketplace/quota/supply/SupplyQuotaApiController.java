package org.boucle.marketplace.quota.supply;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/quota/supply")
@Tag(name = "Reuse of retired equipment", description = "Décret n° 2023-266: the share of the IT equipment public bodies "
        + "retire that goes to reuse, measured against their stock on 1 January")
class SupplyQuotaApiController {

    private final SupplyQuota quota;
    private final Dispositions dispositions;
    private final SupplyExports exports;

    SupplyQuotaApiController(SupplyQuota quota, Dispositions dispositions, SupplyExports exports) {
        this.quota = quota;
        this.dispositions = dispositions;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "A public body's figures for a year (its own organization and the current year by default)",
            description = "share = retiredToReuse / retired; CSV with Accept: text/csv, a PDF report with Accept: application/pdf")
    SupplyFigures figures(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            Actor actor) {
        return quota.figures(actor, organizationId, year);
    }

    @GetMapping(produces = "text/csv")
    @Operation(summary = "The year's figures as CSV")
    void figuresCsv(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            Actor actor, HttpServletResponse response) throws IOException {
        SupplyFigures figures = quota.figures(actor, organizationId, year);
        exports.csv(List.of(figures), "reemploi-" + figures.year() + ".csv", response);
    }

    @GetMapping(produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The year's figures as a PDF report")
    void figuresPdf(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            Actor actor, HttpServletResponse response) throws IOException {
        exports.pdf(quota.figures(actor, organizationId, year), response);
    }

    @GetMapping("/territory")
    @Operation(summary = "Every public body of the territory and their sum, for coordinators")
    SupplyQuota.Territory territory(@RequestParam(required = false) Integer year, Actor actor) {
        return quota.territory(actor, year);
    }

    @GetMapping(path = "/territory", produces = "text/csv")
    @Operation(summary = "Every public body's figures as CSV, for coordinators")
    void territoryCsv(@RequestParam(required = false) Integer year, Actor actor, HttpServletResponse response)
            throws IOException {
        SupplyQuota.Territory territory = quota.territory(actor, year);
        exports.csv(territory.organizations(), "reemploi-territoire-" + territory.year() + ".csv", response);
    }

    @GetMapping("/without-destination")
    @Operation(summary = "Devices retired during the year whose destination is unknown: what remains to declare",
            description = "As CSV (Accept: text/csv), a dispositions file ready to fill in: add each device's channel")
    List<RetiredDevice> withoutDestination(@RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, Actor actor) {
        return quota.withoutDestination(actor, organizationId, year);
    }

    @GetMapping(path = "/without-destination", produces = "text/csv")
    void withoutDestinationCsv(@RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, Actor actor, HttpServletResponse response) throws IOException {
        exports.dispositionsToFill(quota.withoutDestination(actor, organizationId, year), response);
    }

    @PostMapping(path = "/dispositions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Declare where devices went outside Boucle: CSV asset_tag_or_serial,date,channel",
            description = "channel: transfer_public_body, sale, donation, take_back_reuse, recycling or destruction; "
                    + "dates as 31/12/2025 or 2025-12-31. All or nothing: any bad row gives 422 with every bad row and "
                    + "its column, and nothing is declared. Declaring a device again replaces its disposition.")
    Declaration declare(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) UUID organizationId, Actor actor) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "Attach the CSV file as the multipart part 'file'");
        }
        try (InputStream content = file.getInputStream()) {
            return dispositions.declare(actor, organizationId, content);
        }
    }

    @ExceptionHandler(DispositionsRejectedException.class)
    ProblemDetail rejected(DispositionsRejectedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "import-rejected", "Import rejected", e.getMessage());
        problem.setProperty("rejected", e.rejected());
        problem.setProperty("rejectedCount", e.rejectedCount());
        return problem;
    }
}
