package org.boucle.marketplace.reservation;

import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The basket of holds with their countdowns, and the seller's view of the holds on its listings. */
@Controller
@RequestMapping("/reservations")
class ReservationPageController {

    private final Reservations reservations;
    private final MessageSource messages;

    ReservationPageController(Reservations reservations, MessageSource messages) {
        this.reservations = reservations;
        this.messages = messages;
    }

    @GetMapping
    String basket(Actor actor, Model model) {
        model.addAttribute("reservations", reservations.reservations(actor));
        // Public buyers give their Chorus Pro references, printed on the invoice.
        model.addAttribute("publicBuyer", actor.hasRole(OrganizationRole.PUBLIC_BUYER));
        return "reservations";
    }

    /**
     * From a listing's page. The form carries a key made when the page was drawn, so a double click or a resent
     * form holds once.
     */
    @PostMapping
    String reserve(Actor actor, @RequestParam UUID listingId, @RequestParam(defaultValue = "0") int quantity,
            @RequestParam(required = false) String idempotencyKey, RedirectAttributes redirect) {
        try {
            reservations.reserve(actor, listingId, quantity, idempotencyKey);
            redirect.addFlashAttribute("reserved", true);
            return "redirect:/reservations";
        } catch (InsufficientQuantityException e) {
            redirect.addFlashAttribute("reserveError", message("reservation.insufficient", e.available()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("reserveError", message("reservation.invalidQuantity"));
        } catch (AccessDeniedException | IdempotencyKeyReusedException e) {
            redirect.addFlashAttribute("reserveError", message("reservation.refused"));
        }
        return "redirect:/catalog/listings/" + listingId;
    }

    @PostMapping("/{id}/release")
    String release(Actor actor, @PathVariable UUID id) {
        reservations.release(actor, id);
        return "redirect:/reservations";
    }

    @GetMapping("/sales")
    String sales(Actor actor, Model model) {
        model.addAttribute("reservations", reservations.onOwnListings(actor));
        return "reservations-sales";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
