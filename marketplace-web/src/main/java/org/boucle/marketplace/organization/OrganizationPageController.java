package org.boucle.marketplace.organization;

import jakarta.validation.Valid;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The actor's own organization: its profile and its sites, edited in place. */
@Controller
@RequestMapping("/organization")
class OrganizationPageController {

    private final Organizations organizations;

    OrganizationPageController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        OrganizationDetails details = organizations.details(actor.organizationId(), actor);
        model.addAttribute("profile", details.profile());
        model.addAttribute("newSite", emptySite());
        return render(details, model, "organization");
    }

    @PostMapping("/profile")
    String updateProfile(@Valid @ModelAttribute("profile") OrganizationProfile profile, BindingResult binding, Actor actor,
            Model model) {
        OrganizationDetails details = binding.hasErrors() ? organizations.details(actor.organizationId(), actor)
                : organizations.updateProfile(actor.organizationId(), profile, actor);
        model.addAttribute("saved", !binding.hasErrors());
        return render(details, model, "organization :: profile");
    }

    @PostMapping("/sites")
    String addSite(@Valid @ModelAttribute("newSite") NewSite site, BindingResult binding, Actor actor, Model model) {
        if (!binding.hasErrors()) {
            try {
                organizations.addSite(actor.organizationId(), site, actor);
                model.addAttribute("newSite", emptySite());
                model.addAttribute("added", site.name());
            } catch (InvalidInputException e) {
                binding.rejectValue(e.field(), "invalid", e.getMessage());
            }
        }
        return render(organizations.details(actor.organizationId(), actor), model, "organization :: sites");
    }

    private String render(OrganizationDetails details, Model model, String view) {
        model.addAttribute("organization", details);
        model.addAttribute("communes", organizations.communes());
        model.addAttribute("offerings", Offering.values());
        model.addAttribute("populations", Population.values());
        return view;
    }

    private static NewSite emptySite() {
        return new NewSite("", "", "", "", null, null, null, "Mo-Fr 09:00-12:00,14:00-17:00");
    }
}
