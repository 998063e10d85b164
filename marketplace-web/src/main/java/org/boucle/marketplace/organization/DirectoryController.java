package org.boucle.marketplace.organization;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/** The directory page: actors find each other; filters refresh the results in place with htmx. */
@Controller
class DirectoryController {

    private final Organizations organizations;

    DirectoryController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/directory")
    String directory(@Valid @ModelAttribute("query") DirectoryQuery query, BindingResult binding, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("roles", OrganizationRole.values());
        model.addAttribute("offerings", Offering.values());
        model.addAttribute("communes", organizations.communes());
        model.addAttribute("entries", binding.hasErrors() ? java.util.List.of()
                : organizations.directory(query, actor));
        return htmx != null ? "directory :: results" : "directory";
    }
}
