package org.boucle.marketplace.identity;

import jakarta.validation.Valid;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in user's pages: their organization, and their personal API tokens. */
@Controller
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Loaded into the organization page, which belongs to the organization feature. */
    @GetMapping("/organization/members")
    String members(Actor actor, Model model) {
        model.addAttribute("members", accounts.members(actor.organizationId(), actor));
        return "members :: members";
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        model.addAttribute("newToken", new NewToken("", null));
        model.addAttribute("tokens", accounts.tokens(actor));
        return "account";
    }

    @PostMapping("/account/tokens")
    String issue(@Valid @ModelAttribute("newToken") NewToken request, BindingResult binding, Actor actor, Model model) {
        if (!binding.hasErrors()) {
            model.addAttribute("issued", accounts.issueToken(actor, request));
            model.addAttribute("newToken", new NewToken("", null));
        }
        model.addAttribute("tokens", accounts.tokens(actor));
        return "account :: tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Actor actor, Model model) {
        accounts.revokeToken(actor, id);
        model.addAttribute("newToken", new NewToken("", null));
        model.addAttribute("tokens", accounts.tokens(actor));
        return "account :: tokens";
    }
}
