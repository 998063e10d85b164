package org.boucle.marketplace.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Forecast", description = "What the territory will retire, where and when")
class ForecastApiController {

    private static final int DEFAULT_MONTHS = 24;

    private final Forecasts forecasts;
    private final InventoryCsv csv;

    ForecastApiController(Forecasts forecasts, InventoryCsv csv) {
        this.forecasts = forecasts;
        this.csv = csv;
    }

    @GetMapping("/api/v1/forecast")
    @Operation(summary = "Devices forecast to be decommissioned, grouped by month,category[,site|donor|commune]",
            description = "from/to are YYYY-MM (default: this month and the 23 after). Donors see their own inventory, "
                    + "coordinators the territory; other actors the territory by month, category and commune only.")
    List<ForecastRow> forecast(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) UUID organizationId, Actor actor) {
        YearMonth start = from == null ? forecasts.thisMonth() : from;
        return forecasts.forecast(actor, organizationId, start, to == null ? start.plusMonths(DEFAULT_MONTHS - 1) : to,
                Forecasts.grouping(groupBy));
    }

    @GetMapping("/api/v1/forecast/lots")
    @Operation(summary = "Upcoming decommissioned lots: one donor site, one month, one category")
    List<UpcomingLot> lots(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) UUID organizationId, Actor actor) {
        YearMonth start = from == null ? forecasts.thisMonth() : from;
        return forecasts.lots(actor, organizationId, start, to == null ? start.plusMonths(DEFAULT_MONTHS - 1) : to);
    }

    @GetMapping("/api/v1/inventory/park")
    @Operation(summary = "Devices in service by category and age band")
    List<ParkRow> park(@RequestParam(required = false) UUID organizationId, Actor actor) {
        return forecasts.park(actor, organizationId);
    }

    @GetMapping(path = "/api/v1/forecast", produces = "text/csv")
    void forecastCsv(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) UUID organizationId, Actor actor,
            HttpServletResponse response) throws IOException {
        YearMonth start = from == null ? forecasts.thisMonth() : from;
        csv.forecast(actor, organizationId, start, to == null ? start.plusMonths(DEFAULT_MONTHS - 1) : to,
                Forecasts.grouping(groupBy), response);
    }

    @GetMapping(path = "/api/v1/forecast/lots", produces = "text/csv")
    void lotsCsv(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) UUID organizationId, Actor actor, HttpServletResponse response) throws IOException {
        YearMonth start = from == null ? forecasts.thisMonth() : from;
        csv.lots(actor, organizationId, start, to == null ? start.plusMonths(DEFAULT_MONTHS - 1) : to, response);
    }

    @GetMapping(path = "/api/v1/inventory/park", produces = "text/csv")
    void parkCsv(@RequestParam(required = false) UUID organizationId, Actor actor, HttpServletResponse response)
            throws IOException {
        csv.park(actor, organizationId, response);
    }
}
