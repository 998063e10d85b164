package org.boucle.marketplace.impact;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.platform.CsvExport;
import org.springframework.stereotype.Component;

/** A scope's impact as CSV: one row per organization, then the scope's total (the page's link and the API's). */
@Component
class ImpactCsv {

    void write(Impact impact, HttpServletResponse response) throws IOException {
        String fileName = "impact-" + impact.scope().code() + "-" + impact.year() + ".csv";
        try (CsvExport csv = CsvExport.to(response, fileName)) {
            csv.row("perimetre", "organisation_id", "organisation", "annee", "reemployes", "vendus", "donnes_associations",
                    "recycles", "recycles_deee", "demanteles", "part_reemployee", "kg_detournes", "kg_recycles",
                    "kg_co2e_evites", "reemployes_sans_facteur", "decret_2023_266_reformes",
                    "decret_2023_266_reemployes", "decret_2023_266_part");
            List<ImpactFigures> rows = new ArrayList<>(impact.organizations());
            if (impact.organizationId() == null) {
                rows.add(impact.total());
            }
            for (ImpactFigures f : rows) {
                ImpactFigures.PublicReuse decree = f.publicReuse();
                csv.row(impact.scope().code(), f.organizationId(), f.organizationId() == null ? "total" : f.organizationName(),
                        impact.year(), f.reused(), f.sold(), f.donated(), f.recycled(), f.recycledWeee(), f.dismantled(),
                        plain(f.reuseShare()), plain(f.kgDiverted()), plain(f.kgRecycled()), plain(f.kgCo2eAvoided()),
                        f.reusedWithoutFactor(), decree == null ? null : decree.retired(),
                        decree == null ? null : decree.retiredToReuse(), decree == null ? null : plain(decree.share()));
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
