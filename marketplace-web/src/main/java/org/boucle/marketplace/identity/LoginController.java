package org.boucle.marketplace.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    LoginController(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.identityProviders = identityProviders;
    }

    @GetMapping("/login")
    String login(Model model) {
        // One button per configured identity provider (Keycloak, ProConnect…), next to the password form.
        var providers = new java.util.ArrayList<ClientRegistration>();
        if (identityProviders.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations) {
            registrations.forEach(providers::add);
        }
        model.addAttribute("providers", providers);
        return "login";
    }
}
