package org.boucle.marketplace.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.boucle.marketplace.identity.CurrentActor;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.Organizations;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the current actor's menu in every page's model. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    private final Organizations organizations;

    NavigationAdvice(Organizations organizations) {
        this.organizations = organizations;
    }

    @ModelAttribute("navigation")
    List<Navigation.Item> navigation(Authentication authentication) {
        return CurrentActor.of(authentication)
                .map(actor -> Navigation.forActor(actor, organizations.summary(actor.organizationId()).roles()))
                .orElse(List.of());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("me")
    Actor me(Authentication authentication) {
        return CurrentActor.of(authentication).orElse(null);
    }
}
