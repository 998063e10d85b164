package org.boucle.marketplace.inventory;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.inventory.Forecasts.Grouping;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.CsvExport;
import org.springframework.stereotype.Component;

/** Every inventory table as CSV, for the pages' export links and the API's {@code Accept: text/csv}. */
@Component
class InventoryCsv {

    private final Forecasts forecasts;
    private final Inventories inventories;

    InventoryCsv(Forecasts forecasts, Inventories inventories) {
        this.forecasts = forecasts;
        this.inventories = inventories;
    }

    void park(Actor actor, UUID organization, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, "parc.csv")) {
            csv.row("categorie", "anciennete_ans", "quantite");
            forecasts.park(actor, organization).forEach(r -> csv.row(r.category(), r.ageBand(), r.quantity()));
        }
    }

    void forecast(Actor actor, UUID organization, YearMonth from, YearMonth to, Set<Grouping> grouping,
            HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, "previsions.csv")) {
            csv.row("mois", "categorie", "site", "donneur", "commune", "quantite");
            forecasts.forecast(actor, organization, from, to, grouping).forEach(r -> csv.row(r.month(), r.category(),
                    r.site(), r.donor(), r.commune(), r.quantity()));
        }
    }

    void lots(Actor actor, UUID organization, YearMonth from, YearMonth to, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, "lots.csv")) {
            csv.row("mois", "donneur", "site", "commune", "categorie", "quantite", "modele_type", "age_median_ans");
            forecasts.lots(actor, organization, from, to).forEach(l -> csv.row(l.month(), l.donor(), l.site(), l.commune(),
                    l.category(), l.quantity(), l.typicalModel(), l.medianAgeYears()));
        }
    }

    void imports(Actor actor, UUID organization, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, "imports.csv")) {
            csv.row("debut", "fin", "par", "format", "mode", "fichier", "statut", "lignes", "crees", "modifies", "inchanges",
                    "absents", "rejetes");
            inventories.history(actor, organization).forEach(i -> csv.row(i.startedAt(), i.finishedAt(), i.importedBy(),
                    i.format(), i.mode(), i.fileName(), i.status(), i.rowsRead(), i.created(), i.updated(), i.unchanged(),
                    i.flaggedMissing(), i.rejected()));
        }
    }

    void errors(Actor actor, UUID importId, HttpServletResponse response) throws IOException {
        inventories.importStatus(actor, importId);
        try (CsvExport csv = CsvExport.to(response, "import-" + importId + "-erreurs.csv")) {
            csv.row("ligne", "colonne", "motif");
            inventories.errors(actor, importId, cells -> csv.row((Object[]) cells));
        }
    }
}
