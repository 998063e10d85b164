package org.boucle.marketplace.search;

import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Coordinators: the state of the search pipeline, and a full reindex followed live. */
@Controller
@RequestMapping("/admin/search")
class SearchAdminPageController {

    private final SearchStatus status;
    private final SearchReindexer reindexer;

    SearchAdminPageController(SearchStatus status, SearchReindexer reindexer) {
        this.status = status;
        this.reindexer = reindexer;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        SearchStatus.View view = status.view(actor);
        model.addAttribute("status", view);
        model.addAttribute("reindex", view.lastReindex());
        return "search-admin";
    }

    @PostMapping("/reindex")
    String reindex(Actor actor, Model model) {
        try {
            model.addAttribute("reindex", reindexer.start(actor));
        } catch (ReindexRunningException e) {
            model.addAttribute("alreadyRunning", true);
            model.addAttribute("reindex", e.runningId() == null ? null : reindexer.status(actor, e.runningId()));
        }
        return "search-admin :: progress";
    }

    @GetMapping("/reindex/{id}")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("reindex", reindexer.status(actor, id));
        return "search-admin :: progress";
    }
}
